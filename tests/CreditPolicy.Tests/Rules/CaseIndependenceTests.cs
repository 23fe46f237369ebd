using System;
using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// Example cases never block evaluation (contract v2, "Input streams"): a rule file whose rules are valid
/// loads and evaluates even when its cases would fail; <c>validate</c> and <c>test</c> report the cases.
/// And one mistake gives one message: cases citing a rule that failed to load are not reported again.
/// </summary>
public sealed class CaseIndependenceTests
{
    private static string Shipped() => File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void R6_1_disabled_rule_loads_and_evaluates_and_its_cases_are_reported_apart()
    {
        var json = Replace(Shipped(), "facts.ActivePositiveRecords > 0\",\n      \"Enabled\": true", "facts.ActivePositiveRecords > 0\",\n      \"Enabled\": false");

        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), "disabled.json");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Value.CaseProblems);
        Assert.All(result.Value.CaseProblems, p => Assert.Contains("'incentive.integrity-publicity' is disabled", p.Message, StringComparison.Ordinal));
        Assert.All(result.Value.CaseProblems, p => Assert.Equal("disabled.json", p.File));
        var profile = RuleSet.JiaCounty2022No8.Cases[0].Profile;
        var decision = new PolicyEvaluator(result.Value).Evaluate(profile, new LocalDate(2026, 11, 27));
        Assert.False(decision.IsApplicable("incentive.integrity-publicity"));
    }

    [Fact]
    public void The_shipped_rule_file_has_no_case_problem()
    {
        Assert.Empty(RuleSet.JiaCounty2022No8.CaseProblems);
    }

    [Fact]
    public void A_rule_that_fails_to_load_is_reported_once_not_again_by_each_case_citing_its_code()
    {
        // The R6.1 rule's expression field misspelt: one message (the misspelling, with a suggestion; not also "missing Expression"), none from the cases expecting its measure.
        var json = Replace(Shipped(), "\"RuleName\": \"R6.1 integrity publicity\",\n      \"Expression\"", "\"RuleName\": \"R6.1 integrity publicity\",\n      \"Expresion\"");

        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), "typo.json");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("R6.1 integrity publicity", error.RuleName);
        Assert.Equal("Unknown field 'Expresion' (did you mean 'Expression'?); it would be silently ignored.", error.Message);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("is not a measure code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_citing_a_code_no_rule_has_is_still_reported()
    {
        var json = Replace(Shipped(), "\"mustReceive\": [\n        \"incentive.integrity-publicity\",", "\"mustReceive\": [\n        \"incentive.no-such-measure\",");

        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), "unknown.json");

        Assert.True(result.Succeeded);
        Assert.Contains(result.Value.CaseProblems, p => p.Message == "'incentive.no-such-measure' is not a measure code of this rule set.");
    }
}
