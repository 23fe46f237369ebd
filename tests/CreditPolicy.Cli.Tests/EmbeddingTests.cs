using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using NodaTime;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>
/// An embedding app can do what the tool does (issue 10): this project sees only the library's public API
/// (the library grants the tool and its tests no <c>InternalsVisibleTo</c>), and rebuilds <c>diff</c> and
/// <c>evaluate</c> from it, byte for byte.
/// </summary>
public sealed class EmbeddingTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");
    private static readonly string Samples = Cli.Repo("samples/profiles.jsonl");
    private static readonly LocalDate Day = new(2026, 11, 27);

    [Fact]
    public void The_library_grants_the_tool_no_internals()
    {
        var granted = typeof(RuleSet).Assembly.GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false)
            .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .ToArray();

        Assert.DoesNotContain(granted, name => name.StartsWith("CreditPolicy.Cli", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task An_embedding_app_rebuilds_diff_from_the_public_api_alone()
    {
        var proposed = Cli.TempFile(File.ReadAllText(Shipped).Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1", StringComparison.Ordinal));
        var agencies = AgencyRegistryJson.Read(File.ReadAllBytes(Cli.Repo("samples/agencies.json"))).Value!;
        var before = RuleSet.LoadFile(Shipped).Value!;
        var after = RuleSet.LoadFile(proposed).Value!;
        var comparer = new PolicyComparer(
            new PolicyEvaluator(before, new PolicyEvaluatorOptions { FiledAgencies = agencies }),
            new PolicyEvaluator(after, new PolicyEvaluatorOptions { FiledAgencies = agencies }));
        comparer.EnsureInForce(Day);
        var tally = new ComparisonTally();
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, ProfileJson.WriterOptions()))
        using (var input = File.OpenRead(Samples))
        {
            ComparisonJson.WriteStart(writer, comparer, Day);
            await ProfileStreamReader.ProcessAsync(
                input,
                line => (line.Line, Change: comparer.Compare(line.Profile!, Day)),
                compared =>
                {
                    tally.Add(compared.Change);
                    if (compared.Change.Changed)
                    {
                        ComparisonJson.WriteChange(writer, compared.Line, compared.Change);
                    }
                });
            ComparisonJson.WriteEnd(writer, tally);
        }

        var tool = Cli.Run("diff", "--old", Shipped, "--new", proposed, "--as-of", "2026-11-27", "--agencies", Cli.Repo("samples/agencies.json"), Samples);

        Assert.Equal(0, tool.ExitCode);
        Assert.True(tally.Changed > 0);
        Assert.Equal(tool.Out.TrimEnd('\n'), Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void An_embedding_app_reads_a_stream_in_order_and_sees_each_bad_profile_located()
    {
        var text = "{\"subject\":{\"name\":\"甲\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-1\"}}\n"
            + "{\"subject\":{\"name\":\"\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-2\"}}\n"
            + "{\n  \"subject\": {\"name\":\"丙\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-3\"}\n}\n";

        var lines = ProfileStreamReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToArray();

        Assert.Equal([1, 2, 3], lines.Select(l => l.Line).ToArray());
        Assert.Equal("A-1", lines[0].Profile!.Subject.Identifier.ToString());
        Assert.Null(lines[1].Profile);
        Assert.Equal("line 2: $.subject.name: Must not be blank.", Assert.Single(lines[1].Result.Errors).ToString());
        Assert.Equal("A-3", lines[2].Profile!.Subject.Identifier.ToString());
    }

    [Fact]
    public void JsonSerializer_with_the_librarys_options_writes_the_tools_decision_lines_byte_for_byte()
    {
        var agencies = AgencyRegistryJson.Read(File.ReadAllBytes(Cli.Repo("samples/agencies.json"))).Value!;
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { FiledAgencies = agencies });
        var tool = Cli.Run("evaluate", "--agencies", Cli.Repo("samples/agencies.json"), "--as-of", "2026-11-27", Samples);

        var serialized = File.ReadLines(Samples)
            .Select(line => JsonSerializer.Serialize(evaluator.Evaluate(ProfileJson.Read(line).Value!, Day), CreditPolicyJson.Options))
            .ToArray();

        Assert.Equal(0, tool.ExitCode);
        Assert.Equal(tool.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), serialized);
        Assert.Contains(serialized, line => line.Contains("\"idType\":\"resident-id\"", StringComparison.Ordinal));
    }

    [Fact]
    public void R9_the_in_force_check_is_public_and_names_the_day()
    {
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8);

        Assert.False(evaluator.IsInForceOn(new LocalDate(2022, 3, 10)));
        Assert.True(evaluator.IsInForceOn(new LocalDate(2022, 3, 11)));
        var error = Assert.Throws<RuleSetNotInForceException>(() => evaluator.EnsureInForce(new LocalDate(2022, 3, 10)));
        Assert.Equal(new LocalDate(2022, 3, 11), error.EffectiveFrom);
        Assert.Equal("rule set jia-county-2022-8 takes effect on 2022-03-11 (R9); it cannot evaluate as of 2022-03-10.", error.Reason);
    }
}
