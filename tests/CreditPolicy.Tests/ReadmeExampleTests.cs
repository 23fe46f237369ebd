using System;
using System.IO;
using System.Linq;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>The README's library example, kept compiling and working against the contract's example profile.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Readme_Library_example_runs_on_the_contract_example()
    {
        var output = new StringWriter();
        var read = ProfileJson.Read(File.ReadAllText(Fixtures.PathOf("contract/profile.example.json")));
        Assert.True(read.Succeeded);
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8);
        var decision = evaluator.Evaluate(read.Value, new LocalDate(2026, 11, 27));
        foreach (var measure in decision.ApplicableMeasures)
        {
            output.WriteLine($"{measure.Clause} {measure.Code}: {string.Join(", ", measure.Evidence)}");
        }

        output.WriteLine(DecisionJson.Write(decision));

        var lines = output.ToString().Split('\n');
        Assert.Equal("R6.1 incentive.integrity-publicity: rec-2026-0042", lines[0]);
        Assert.StartsWith("{\"subject\":", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Readme_Comparison_example_runs_on_the_samples()
    {
        var output = new StringWriter();
        var root = Rules.ShippedRuleSetTests.RepositoryRoot();
        var proposed = Path.GetTempFileName();
        File.WriteAllText(proposed, File.ReadAllText(Path.Combine(root, "rules", "jia-county-2022-8.json")).Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1", StringComparison.Ordinal));

        var comparer = new PolicyComparer(new PolicyEvaluator(RuleSet.JiaCounty2022No8), new PolicyEvaluator(RuleSet.LoadFile(proposed).Value!));
        var day = new LocalDate(2026, 11, 27);
        comparer.EnsureInForce(day);
        var tally = new ComparisonTally();
        await CreditPolicy.Streaming.ProfileStreamReader.ProcessAsync(
            File.OpenRead(Path.Combine(root, "samples", "profiles.jsonl")),
            line => (line.Line, Change: line.Profile is { } p ? comparer.Compare(p, day) : null),
            r => { if (r.Change is { } c) { tally.Add(c); if (c.Changed) output.WriteLine($"line {r.Line}: {c.Subject.Identifier} +[{string.Join(",", c.Gained)}] -[{string.Join(",", c.Lost)}]"); } });
        output.WriteLine($"{tally.Changed} of {tally.Profiles} profiles change");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1200, tally.Profiles);
        Assert.True(tally.Changed > 0);
        Assert.Equal($"{tally.Changed} of 1200 profiles change", lines[^1]);
        Assert.All(lines[..^1], l => Assert.EndsWith("+[] -[incentive.integrity-publicity]", l, StringComparison.Ordinal));
        Assert.Equal(tally.Changed, tally.Measures["incentive.integrity-publicity"].Lost);
    }

    [Fact]
    public void Readme_Shows_the_two_set_up_commands_first()
    {
        var readme = File.ReadAllText(Path.Combine(Rules.ShippedRuleSetTests.RepositoryRoot(), "README.md"));
        var blocks = readme.Split("```").Where((_, i) => i % 2 == 1).Select(b => b.Trim()).ToArray();

        Assert.Equal("dotnet run --project src/CreditPolicy.Cli -- evaluate --agencies samples/agencies.json --as-of 2026-11-27 samples/profiles.jsonl", blocks[0]);
        Assert.Equal("dotnet test", blocks[1]);
    }
}
