using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class EvaluateCommandTests
{
    private const string PersonId = "410425198503151233";

    private static readonly string Example = File.ReadAllText(Cli.Fixture("profile.example.json"));
    private static readonly string ExampleLine = JsonSerializer.Serialize(JsonDocument.Parse(Example).RootElement);

    private static string Person(string id, string name = "张三") =>
        $$$"""{"subject":{"name":"{{{name}}}","kind":"natural-person","idType":"resident-id","id":"{{{id}}}"}}""";

    [Fact]
    public void Contract_The_example_profile_gives_a_decision_with_the_contracts_field_names()
    {
        var result = Cli.Run("evaluate", "--as-of", "2026-11-27", Cli.Fixture("profile.example.json"));

        Assert.Equal(0, result.ExitCode);
        var decision = JsonDocument.Parse(Assert.Single(result.OutLines)).RootElement;
        var expected = JsonDocument.Parse(File.ReadAllText(Cli.Fixture("decision.example.json"))).RootElement;
        Assert.Equal(Names(expected), Names(decision).Intersect(Names(expected)));
        Assert.Equal(Names(expected.GetProperty("subject")), Names(decision.GetProperty("subject")));
        Assert.Equal(Names(expected.GetProperty("ruleSet")), Names(decision.GetProperty("ruleSet")));
        var measure = decision.GetProperty("measures")[0];
        Assert.All(Names(expected.GetProperty("measures")[0]), name => Assert.True(measure.TryGetProperty(name, out _), name));
        Assert.Equal(
            expected.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()),
            decision.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Contract_Reads_stdin_without_a_file_or_with_dash()
    {
        var implicitStdin = Cli.RunWithInput(ExampleLine, "evaluate", "--as-of", "2026-11-27");
        var dash = Cli.RunWithInput(ExampleLine, "evaluate", "--as-of", "2026-11-27", "-");

        Assert.Equal(0, implicitStdin.ExitCode);
        Assert.Single(implicitStdin.OutLines);
        Assert.Equal(implicitStdin.Out, dash.Out);
    }

    [Fact]
    public void Contract_Without_as_of_the_day_is_today_in_China_Standard_Time()
    {
        var result = Cli.RunWithInput(ExampleLine, "evaluate");

        Assert.Equal("2026-11-27", JsonDocument.Parse(result.Out).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Contract_A_batch_with_bad_lines_keeps_every_good_one_in_order_and_exits_2()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 700).Select(i => i switch
        {
            3 => "{ not json",
            10 => Person("410425198503151234"),
            500 => """{"subject":{"name":"x","kind":"enterprise","idType":"uscc"}}""",
            _ => Person(PersonId, $"第{i}号"),
        }));

        var result = Cli.RunWithInput(lines + "\n", "evaluate", "--as-of", "2026-11-27");

        Assert.Equal(2, result.ExitCode);
        var names = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("subject").GetProperty("name").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(0, 700).Where(i => i is not (3 or 10 or 500)).Select(i => $"第{i}号"), names);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 4: $: Invalid JSON", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 11: $.subject.id:", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l == "line 501: $.subject: Missing required field 'id'.");
    }

    [Fact]
    public void R8_No_output_ever_contains_a_natural_persons_full_number()
    {
        var bad = "410425198503151234";
        var result = Cli.RunWithInput(Person(PersonId) + "\n" + Person(bad) + "\n" + ExampleLine + "\n", "evaluate", "--as-of", "2026-11-27");

        Assert.DoesNotContain(PersonId, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(bad, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("410425********1233", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void R3_Agencies_file_decides_which_reports_count()
    {
        var agencies = Cli.TempFile("""[{ "name": "示例信用评级有限公司", "filingNumber": "PBC-HN-2021-001" }]""");

        var without = Cli.Run("evaluate", "--as-of", "2026-11-27", Cli.Fixture("profile.example.json"));
        var with = Cli.Run("evaluate", "--as-of", "2026-11-27", "--agencies", agencies, Cli.Fixture("profile.example.json"));

        Assert.Contains("not in the registry of filed", without.Out, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(with.Out).RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void A_bad_agencies_file_is_an_input_error_with_its_line()
    {
        var agencies = Cli.TempFile("[\n  { \"name\": \"甲\" }\n]");

        var result = Cli.Run("evaluate", "--agencies", agencies, Cli.Fixture("profile.example.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":2: $[0]: Missing required field 'filingNumber'.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Rules_option_uses_another_rule_file_and_an_invalid_one_is_reported()
    {
        var broken = Cli.TempFile(File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json")).Replace("\"Expression\": \"facts.HasBadCreditRecord\"", "\"Expresion\": \"facts.HasBadCreditRecord\"", StringComparison.Ordinal));

        var good = Cli.Run("evaluate", "--as-of", "2026-11-27", "--rules", Cli.Repo("rules/jia-county-2022-8.json"), Cli.Fixture("profile.example.json"));
        var bad = Cli.Run("evaluate", "--as-of", "2026-11-27", "--rules", broken, Cli.Fixture("profile.example.json"));

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Unknown field 'Expresion' (did you mean 'Expression'?)", bad.Error, StringComparison.Ordinal);
        Assert.Empty(bad.Out);
    }

    [Theory]
    [InlineData("--as-of", "2026-02-30", "not a date")]
    [InlineData("--as-of", "2022-03-10", "takes effect on 2022-03-11 (R9)")]
    public void Contract_Bad_as_of_is_a_usage_error(string option, string value, string reason)
    {
        var result = Cli.Run("evaluate", option, value, Cli.Fixture("profile.example.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_and_CRLF_line_ends_are_accepted()
    {
        var result = Cli.RunWithInput("\r\n" + ExampleLine + "\r\n\r\n" + ExampleLine + "\r\n", "evaluate", "--as-of", "2026-11-27");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
    }

    [Fact]
    public void A_pretty_printed_profile_with_an_error_reports_the_right_line()
    {
        var result = Cli.RunWithInput(Example.Replace("\"2025-06-01\"", "\"2025-06-31\"", StringComparison.Ordinal), "evaluate", "--as-of", "2026-11-27");

        Assert.Equal(2, result.ExitCode);
        var line = Example.Split('\n').ToList().FindIndex(l => l.Contains("2025-06-01", StringComparison.Ordinal)) + 1;
        Assert.Equal($"line {line}: $.records[0].decidedOn: '2025-06-31' is not a real calendar date.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void On_a_terminal_progress_goes_to_stderr_and_stdout_stays_clean_JSON()
    {
        var result = Cli.RunOnConsole(string.Empty, errorIsTerminal: true, "evaluate", "--as-of", "2026-11-27", Cli.Repo("samples/profiles.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("profiles…", result.Error, StringComparison.Ordinal);
        Assert.All(result.OutLines, line => JsonDocument.Parse(line));
        Assert.Equal(1200, result.OutLines.Length);
    }
}
