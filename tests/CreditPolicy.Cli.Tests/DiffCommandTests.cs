using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class DiffCommandTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");
    private static readonly string Samples = Cli.Repo("samples/profiles.jsonl");

    // The same rules with R6.1 asking for two positive records instead of one.
    private static string WithoutIntegrityPublicity() => Cli.TempFile(File.ReadAllText(Shipped).Replace(
        "facts.ActivePositiveRecords > 0",
        "facts.ActivePositiveRecords > 1",
        StringComparison.Ordinal));

    [Fact]
    public void Contract_Diff_counts_profiles_changes_and_gains_and_losses_per_measure()
    {
        var html = Path.Combine(Path.GetTempPath(), $"creditpolicy-diff-{Guid.NewGuid():N}.html");

        var result = Cli.Run("diff", "--old", Shipped, "--new", WithoutIntegrityPublicity(), "--as-of", "2026-11-27", "--agencies", Cli.Repo("samples/agencies.json"), "--html", html, Samples);

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("jia-county-2022-8", report.GetProperty("old").GetProperty("id").GetString());
        Assert.Equal(64, report.GetProperty("new").GetProperty("sha256").GetString()!.Length);
        Assert.Equal(1200, report.GetProperty("profiles").GetInt32());
        var changed = report.GetProperty("changed").GetInt32();
        Assert.True(changed > 0);
        var integrity = report.GetProperty("measures").GetProperty("incentive.integrity-publicity");
        Assert.Equal(changed, integrity.GetProperty("lost").GetInt32());
        Assert.Equal(0, integrity.GetProperty("gained").GetInt32());
        Assert.Equal(changed, report.GetProperty("changes").GetArrayLength());
        var first = report.GetProperty("changes")[0];
        Assert.True(first.GetProperty("line").GetInt32() > 0);
        Assert.Equal(["incentive.integrity-publicity"], first.GetProperty("lost").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(0, first.GetProperty("gained").GetArrayLength());
        var page = File.ReadAllText(html);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("incentive.integrity-publicity", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_Diff_names_the_rules_that_differ_and_why_each_subject_changed()
    {
        var result = Cli.Run("diff", "--old", Shipped, "--new", WithoutIntegrityPublicity(), "--as-of", "2026-11-27", Samples);

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Out).RootElement;
        var rule = Assert.Single(report.GetProperty("rules").EnumerateArray());
        Assert.Equal("incentive.integrity-publicity", rule.GetProperty("code").GetString());
        Assert.Equal("R6.1 integrity publicity", rule.GetProperty("ruleName").GetString());
        Assert.Equal("R6.1", rule.GetProperty("clause").GetString());
        Assert.Equal("changed", rule.GetProperty("change").GetString());
        Assert.Equal(["Expression"], rule.GetProperty("fields").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.EndsWith("> 0", rule.GetProperty("before").GetProperty("Expression").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("> 1", rule.GetProperty("after").GetProperty("Expression").GetString(), StringComparison.Ordinal);
        Assert.All(report.GetProperty("changes").EnumerateArray(), change =>
            Assert.Equal(["incentive.integrity-publicity"], change.GetProperty("because").EnumerateArray().Select(e => e.GetString()!).ToArray()));
    }

    [Fact]
    public void R8_Diff_masks_personal_numbers()
    {
        var result = Cli.Run("diff", "--old", Shipped, "--new", WithoutIntegrityPublicity(), "--as-of", "2026-11-27", Samples);

        foreach (var line in File.ReadLines(Samples))
        {
            var subject = JsonDocument.Parse(line).RootElement.GetProperty("subject");
            if (subject.GetProperty("idType").GetString() == "resident-id")
            {
                Assert.DoesNotContain(subject.GetProperty("id").GetString()!, result.Out, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    [InlineData("input")]
    [InlineData("input-through-a-link")]
    public void The_HTML_report_is_never_written_over_an_input(string which)
    {
        var rules = Cli.TempFile(File.ReadAllText(Shipped));
        var profiles = Cli.TempFile(File.ReadAllText(Samples), ".jsonl");
        var link = Path.Combine(Path.GetTempPath(), $"creditpolicy-link-{Guid.NewGuid():N}.jsonl");
        File.CreateSymbolicLink(link, profiles);
        var report = which switch { "old" or "new" => rules, "input" => profiles, _ => link };
        var before = (File.ReadAllText(rules), File.ReadAllText(profiles));

        var result = Cli.Run("diff", "--old", rules, "--new", rules, "--html", report, profiles);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"creditpolicy: --html {report} is one of the inputs: the report is never written over an input.", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
        Assert.Equal(before, (File.ReadAllText(rules), File.ReadAllText(profiles)));
    }

    [Fact]
    public void A_folder_given_as_the_HTML_report_is_refused_before_anything_is_written()
    {
        var result = Cli.Run("diff", "--old", Shipped, "--new", Shipped, "--html", Path.GetTempPath(), Samples);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.EndsWith("is a directory, not a file.", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_An_invalid_rule_file_exits_1()
    {
        var broken = Cli.TempFile("{ \"WorkflowName\": \"x\" }");

        var result = Cli.Run("diff", "--old", Shipped, "--new", broken, Samples);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Missing required field 'RuleSet'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_A_bad_profile_exits_2_and_the_rest_is_still_compared()
    {
        var input = File.ReadAllLines(Samples)[..5];
        input[2] = "{\"subject\":{}}";

        var result = Cli.RunWithInput(string.Join("\n", input), "diff", "--old", Shipped, "--new", Shipped, "--as-of", "2026-11-27");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(4, JsonDocument.Parse(result.Out).RootElement.GetProperty("profiles").GetInt32());
        Assert.Contains("line 3: $.subject", result.Error, StringComparison.Ordinal);
    }
}
