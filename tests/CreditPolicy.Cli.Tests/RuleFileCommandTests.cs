using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class RuleFileCommandTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");

    /// <summary>
    /// The line where the shipped file's first rule opens, just above its RuleName (a 0-based index is the
    /// 1-based line before): where analyze reports that rule and the clauses without one. Found, not counted.
    /// </summary>
    private static readonly int FirstRuleLine = Array.FindIndex(File.ReadAllLines(Shipped), l => l.Contains("\"RuleName\": \"R6.1 integrity publicity\"", StringComparison.Ordinal));

    private static string Variant(string from, string to) =>
        Cli.TempFile(File.ReadAllText(Shipped).Replace(from, to, StringComparison.Ordinal));

    [Fact]
    public void Contract_Validate_accepts_the_shipped_rules()
    {
        var result = Cli.Run("validate", Shipped);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid: jia-county-2022-8 1.0.0, 7 enabled rules of 8, 20 example cases", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_Cases_never_block_evaluate_or_diff_but_validate_and_test_report_them()
    {
        // R6.1 disabled: the cases that expect its measure now fail, the rules are valid.
        var disabled = Variant("facts.ActivePositiveRecords > 0\",\n      \"Enabled\": true", "facts.ActivePositiveRecords > 0\",\n      \"Enabled\": false");
        var samples = Cli.Repo("samples/profiles.jsonl");

        var evaluate = Cli.Run("evaluate", "--rules", disabled, "--as-of", "2026-11-27", samples);
        var diff = Cli.Run("diff", "--old", Shipped, "--new", disabled, "--as-of", "2026-11-27", samples);
        var validate = Cli.Run("validate", disabled);
        var test = Cli.Run("test", disabled);

        Assert.Equal(0, evaluate.ExitCode);
        Assert.Equal(1200, evaluate.OutLines.Length);
        Assert.Equal(0, diff.ExitCode);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(validate.OutLines, l => l.Contains("'incentive.integrity-publicity' is disabled, so no case can receive it.", StringComparison.Ordinal));
        Assert.Contains(validate.OutLines, l => l.Contains("which do not stop evaluate or diff", StringComparison.Ordinal));
        Assert.Equal(1, test.ExitCode);
        Assert.Contains(test.OutLines, l => l.Contains("is disabled, so no case can receive it", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_v2_Analyze_finds_no_error_in_the_shipped_rules()
    {
        var result = Cli.Run("analyze", Shipped);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{Shipped}:{FirstRuleLine}: warning: clause R6.3 has no enabled rule.", result.OutLines[0]);
        Assert.StartsWith($"{Shipped}: 7 enabled rules analysed: 0 error(s), 1 warning(s); ", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_Analyze_reports_one_line_per_finding_and_exits_1_on_an_error()
    {
        var never = Variant("facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 2 && facts.ActivePositiveRecords < 2");

        var result = Cli.Run("analyze", never);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{never}:{FirstRuleLine}: rule 'R6.1 integrity publicity': error: can never apply: no subject found that it applies to.", result.OutLines);
    }

    [Fact]
    public void Analyze_says_when_the_search_was_not_exhaustive()
    {
        var arithmetic = Variant("facts.ActivePositiveRecords > 0\",", "facts.ActivePositiveRecords * 2 == 14\",");

        var result = Cli.Run("analyze", arithmetic);
        var shipped = Cli.Run("analyze", Shipped);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("; not exhaustive for 1 rule(s), which do arithmetic on facts, compare facts in ways the search cannot solve or were sampled: a subject it did not find may exist", result.OutLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("exhaustive", shipped.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_gives_one_message_for_one_mistake_without_cascades()
    {
        var typo = Variant("\"RuleName\": \"R6.1 integrity publicity\",\n      \"Expression\"", "\"RuleName\": \"R6.1 integrity publicity\",\n      \"Expresion\"");

        var result = Cli.Run("validate", typo);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutLines);
        Assert.EndsWith(": rule 'R6.1 integrity publicity': $.Rules[0].Expresion: Unknown field 'Expresion' (did you mean 'Expression'?); it would be silently ignored.", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("analyze")]
    public void A_folder_given_as_a_rule_file_is_named_as_a_folder(string command)
    {
        var folder = Path.GetTempPath();

        var result = Cli.Run(command, folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"creditpolicy: {folder} is a directory, not a file.", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("\"code\": \"incentive.integrity-publicity\"", "\"code\": \"Incentive.Integrity-Publicity\"", "$.Rules[0].Properties.code")]
    [InlineData("\"Expression\": \"facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0\"", "\"Expression\": \"\"", "$.Rules[0].Expression")]
    [InlineData("\"Expression\": \"facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0\"", "\"Expression\": \"np(facts.CreditChecked)\"", "$.Rules[0].Expression")]
    public void Validate_gives_one_message_for_a_broken_rule_and_none_for_the_cases_citing_its_code(string from, string to, string path)
    {
        var broken = Variant(from, to);

        var result = Cli.Run("validate", broken);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutLines);
        Assert.Contains($": rule 'R6.1 integrity publicity': {path}: ", line, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Contract_Validate_reports_every_problem_of_every_file_located_and_exits_1()
    {
        var typo = Variant("\"Expression\": \"facts.HasBadCreditRecord\",", "\"Expresion\": \"facts.HasBadCreditRecord\",");
        var clause = Variant("\"clause\": \"R7.2\"", "\"clause\": \"R7.9\"");

        var result = Cli.Run("validate", typo, clause, Shipped);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith(typo + ":", StringComparison.Ordinal) && l.Contains("rule 'R7.1 dishonesty publicity': $.Rules[", StringComparison.Ordinal) && l.Contains("].Expresion: Unknown field 'Expresion'", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith(clause + ":", StringComparison.Ordinal) && l.Contains("'R7.9' is not a clause id", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith(Shipped + ": valid", StringComparison.Ordinal));
        Assert.Matches(@":\d+: rule '", result.OutLines.First(l => l.Contains("Expresion", StringComparison.Ordinal)));
    }

    [Fact]
    public void Contract_Test_runs_the_shipped_cases()
    {
        var result = Cli.Run("test", Shipped);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(20, result.OutLines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.EndsWith("20 cases passed, 0 failed", result.OutLines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_Test_names_a_failing_case_and_the_difference()
    {
        // Disable R7.2: the cases that expect key review now fail.
        var file = Variant("\"Expression\": \"facts.HasBadCreditRecord\",\n      \"Enabled\": true,\n      \"Properties\": {\n        \"code\": \"penalty.key-review\"", "\"Expression\": \"false\",\n      \"Enabled\": true,\n      \"Properties\": {\n        \"code\": \"penalty.key-review\"");

        var result = Cli.Run("test", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL R7.1 and R7.2: an active administrative penalty bars every incentive, commendation or not", result.Out, StringComparison.Ordinal);
        Assert.Contains("expected but not received: penalty.key-review", result.Out, StringComparison.Ordinal);
        Assert.Contains("received: [penalty.dishonesty-publicity]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_on_an_invalid_file_reports_its_problems_and_exits_1()
    {
        var result = Cli.Run("test", Variant("\"version\": \"1.0.0\",", string.Empty));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Missing required field 'version'", result.Out, StringComparison.Ordinal);
    }
}
