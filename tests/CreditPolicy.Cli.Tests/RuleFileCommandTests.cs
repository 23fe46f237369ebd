using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class RuleFileCommandTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");

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
