using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>Several rule sets on the command line (issue 13): <c>--rules</c> repeated for evaluate, test, analyze and validate, <c>--old</c>/<c>--new</c> repeated for diff.</summary>
public sealed class CompositionCommandTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");
    private static readonly string Example = Cli.Repo("docs/contract/profile.example.json");

    /// <summary>A national set: a joint-discipline penalty of its own, and a key review for serious records only that replaces the county's (R7.2).</summary>
    private static readonly string National = Cli.TempFile("""
        {
          "WorkflowName": "national-test",
          "RuleSet": { "id": "national-test", "version": "1.0.0", "source": "国办发〔2020〕42号", "issuer": "国务院办公厅", "effectiveFrom": "2020-01-01", "level": "national" },
          "Rules": [
            { "RuleName": "N joint discipline", "Expression": "facts.HasBadCreditRecord && facts.ActiveAdministrativePenalties > 0",
              "Properties": { "code": "penalty.joint-discipline", "kind": "penalty", "clause": "R7.2", "titleZh": "联合惩戒", "titleEn": "Joint discipline", "evidence": ["activeNegativeRecords"] } },
            { "RuleName": "N key review", "Expression": "facts.ActiveSeriousNegativeRecords > 0",
              "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review", "evidence": ["activeSeriousNegativeRecords"] } }
          ]
        }
        """);

    /// <summary>The shipped rules under another id, at the county level too: every enabled rule conflicts.</summary>
    private static string OtherCounty() => Cli.TempFile(File.ReadAllText(Shipped).Replace("\"id\": \"jia-county-2022-8\"", "\"id\": \"other-county\"", StringComparison.Ordinal));

    [Fact]
    public void Evaluate_with_two_rules_lists_both_sets_and_names_each_measures_set()
    {
        var result = Cli.Run("evaluate", "--rules", Shipped, "--rules", National, "--as-of", "2026-11-27", Example);

        Assert.Equal(0, result.ExitCode);
        var decision = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("national-test+jia-county-2022-8", decision.GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.Equal(["national", "county"], decision.GetProperty("ruleSets").EnumerateArray().Select(s => s.GetProperty("level").GetString()));
        Assert.All(decision.GetProperty("measures").EnumerateArray(), m => Assert.Equal("jia-county-2022-8", m.GetProperty("ruleSet").GetString()));
        Assert.Equal(result.Out, Cli.Run("evaluate", "--rules", National, "--rules", Shipped, "--as-of", "2026-11-27", Example).Out);
    }

    [Fact]
    public void Evaluate_with_one_rules_is_byte_identical_to_the_shipped_rules()
    {
        var one = Cli.Run("evaluate", "--rules", Shipped, "--as-of", "2026-11-27", Example);

        Assert.Equal(Cli.Run("evaluate", "--as-of", "2026-11-27", Example).Out, one.Out);
        Assert.DoesNotContain("ruleSets", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_that_conflict_are_located_errors_and_fail_as_an_invalid_rule_file()
    {
        var other = OtherCounty();

        var evaluate = Cli.Run("evaluate", "--rules", Shipped, "--rules", other, "--as-of", "2026-11-27", Example);
        var zh = Cli.Run("--lang", "zh", "evaluate", "--rules", Shipped, "--rules", other, "--as-of", "2026-11-27", Example);

        Assert.Equal(2, evaluate.ExitCode);
        Assert.Empty(evaluate.Out);
        Assert.Contains(evaluate.ErrorLines, l => l.StartsWith($"{other}:", StringComparison.Ordinal) && l.Contains("rule 'R7.2 key review'", StringComparison.Ordinal) && l.Contains("of the same level (county)", StringComparison.Ordinal));
        Assert.Equal("creditpolicy: the rule sets cannot be composed: 7 problem(s), printed above.", evaluate.ErrorLines[^1]);
        Assert.Contains(zh.ErrorLines, l => l.Contains("规则 'R7.2 key review'", StringComparison.Ordinal) && l.Contains("同一层级（县级）", StringComparison.Ordinal));
        Assert.Equal(1, Cli.Run("diff", "--old", Shipped, "--new", Shipped, "--new", other, "--as-of", "2026-11-27", Example).ExitCode);
        Assert.Equal(1, Cli.Run("test", "--rules", Shipped, "--rules", other).ExitCode);
        Assert.Equal(1, Cli.Run("analyze", "--rules", Shipped, "--rules", other).ExitCode);
        var validate = Cli.Run("validate", "--rules", Shipped, "--rules", other);
        Assert.Equal(1, validate.ExitCode);
        Assert.EndsWith("rule sets that cannot be composed; fix the problems above", validate.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_composes_repeated_old_and_new_and_explains_the_change_by_the_rules_added()
    {
        var result = Cli.Run("diff", "--old", Shipped, "--new", Shipped, "--new", National, "--as-of", "2026-11-27", "--agencies", Cli.Repo("samples/agencies.json"), Cli.Repo("samples/profiles.jsonl"));

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.False(report.GetProperty("old").TryGetProperty("ruleSets", out _));
        Assert.Equal(2, report.GetProperty("new").GetProperty("ruleSets").GetArrayLength());
        var rules = report.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("change").GetString());
        Assert.Equal("added", rules["penalty.joint-discipline"]);
        Assert.Equal("changed", rules["penalty.key-review"]);
        Assert.True(report.GetProperty("measures").GetProperty("penalty.joint-discipline").GetProperty("gained").GetInt32() > 0);
    }

    [Fact]
    public void Test_runs_every_components_cases_against_the_composition_and_notes_what_a_higher_level_replaced()
    {
        var result = Cli.Run("test", "--rules", Shipped, "--rules", National);
        var zh = Cli.Run("--lang", "zh", "test", "--rules", Shipped, "--rules", National);

        // The shipped cases expecting R7.2 key review for a general record fail: the national rule replaced the county's.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Shipped}:103: rule 'R7.2 key review': note: replaced by rule 'N key review' of rule set national-test, of a higher level (national); not evaluated", result.OutLines);
        Assert.Contains("应得到但未得到：penalty.key-review", zh.Out, StringComparison.Ordinal);
        Assert.Contains(zh.OutLines, l => l.Contains("提示: 已被更高层级（国家级）规则集 national-test 的规则 'N key review' 取代", StringComparison.Ordinal));
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(Shipped)} \+ .*: \d+ cases passed, [1-9]\d* failed$", result.OutLines[^1]);
        Assert.Equal(0, Cli.Run("test", Shipped).ExitCode);
    }

    [Fact]
    public void Analyze_and_validate_take_the_composition()
    {
        var analyze = Cli.Run("analyze", "--rules", Shipped, "--rules", National);
        var validate = Cli.Run("validate", "--rules", Shipped, "--rules", National);

        Assert.Equal(0, analyze.ExitCode);
        Assert.Contains(analyze.OutLines, l => l.Contains("8 enabled rules analysed: 0 error(s)", StringComparison.Ordinal));
        Assert.Equal(0, validate.ExitCode);
        Assert.EndsWith("valid composition: national-test+jia-county-2022-8, 8 enabled rules evaluated, 1 replaced by a higher level's, 20 example cases", validate.OutLines[^1], StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("analyze").ExitCode);
    }

    /// <summary>A provincial set not in force until 2030.</summary>
    private static readonly string Future = Cli.TempFile("""
        {
          "WorkflowName": "future-set",
          "RuleSet": { "id": "future-set", "version": "1.0.0", "source": "某省文件", "issuer": "某省人民政府", "effectiveFrom": "2030-01-01", "level": "provincial" },
          "Rules": [
            { "RuleName": "F bar", "Expression": "facts.HasBadCreditRecord",
              "Properties": { "code": "penalty.future-bar", "kind": "penalty", "clause": "R7.2", "titleZh": "某措施", "titleEn": "A measure", "evidence": ["activeNegativeRecords"] } }
          ]
        }
        """);

    [Theory]
    [InlineData("test")]
    [InlineData("validate")]
    [InlineData("analyze")]
    public void FILE_and_rules_together_are_a_usage_error_in_either_language(string command)
    {
        var english = Cli.Run(command, Shipped, "--rules", National);
        var chinese = Cli.Run("--lang", "zh", command, Shipped, "--rules", National);

        Assert.Equal(2, english.ExitCode);
        Assert.Contains("FILE… or --rules FILE, not both", english.Error, StringComparison.Ordinal);
        Assert.Equal(2, chinese.ExitCode);
        Assert.Contains("不能同时给出", chinese.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void R9_Test_of_a_composition_with_a_set_not_yet_in_force_reports_the_cases_it_cannot_run_naming_the_set()
    {
        var result = Cli.Run("test", "--rules", Shipped, "--rules", Future);
        var zh = Cli.Run("--lang", "zh", "test", "--rules", Shipped, "--rules", Future);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith(Shipped + ":", StringComparison.Ordinal) && l.Contains("rule set future-set takes effect (2030-01-01", StringComparison.Ordinal));
        Assert.Equal(1, zh.ExitCode);
        Assert.Contains("早于规则集 future-set 的施行日期", zh.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void R9_Diff_not_in_force_names_the_rule_set()
    {
        var result = Cli.Run("diff", "--old", Shipped, "--new", Shipped, "--new", Future, "--as-of", "2026-11-27", Example);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("future-set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_case_of_a_composition_names_its_file()
    {
        var result = Cli.Run("test", "--rules", Shipped, "--rules", National);

        Assert.Contains(result.OutLines, l => l.StartsWith(Shipped + ": FAIL ", StringComparison.Ordinal));
    }
}
