using System;
using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary><c>analyze</c> (contract v2): what a rule set can do, found by searching the facts.</summary>
public sealed class RuleSetAnalyzerTests
{
    private const string Template = """
        {
          "WorkflowName": "t",
          "RuleSet": { "id": "t", "version": "1", "source": "t", "issuer": "t", "effectiveFrom": "2022-03-11" },GLOBALS
          "Rules": [
            { "RuleName": "green", "Expression": "GREEN",
              "Properties": { "code": "incentive.green-channel", "kind": "incentive", "clause": "R6.2", "titleZh": "绿色通道", "titleEn": "Green channel" } },
            { "RuleName": "review", "Expression": "REVIEW",
              "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review", "evidence": ["badCreditRecords"] } }
          ]
        }
        """;

    private static RuleSetAnalysis Analyze(string green, string review = "facts.HasBadCreditRecord", System.Globalization.CultureInfo? culture = null, string globals = "")
    {
        var text = Template.Replace("GREEN", green, StringComparison.Ordinal).Replace("REVIEW", review, StringComparison.Ordinal)
            .Replace("GLOBALS", globals.Length == 0 ? string.Empty : $"\n  \"GlobalParams\": {globals},", StringComparison.Ordinal);
        var result = RuleSet.Load(Encoding.UTF8.GetBytes(text), "t.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return RuleSetAnalyzer.Analyze(result.Value, culture);
    }

    [Fact]
    public void The_shipped_rules_have_no_error_and_a_witness_on_each_side_of_every_rule()
    {
        var analysis = RuleSetAnalyzer.Analyze(RuleSet.JiaCounty2022No8);

        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Findings));
        var warning = Assert.Single(analysis.Findings);
        Assert.Equal("clause R6.3 has no enabled rule.", warning.Message); // the shipped R6.3 rule is a disabled example
        Assert.Equal(7, analysis.Witnesses.Length);
        foreach (var w in analysis.Witnesses)
        {
            var predicate = RuleSet.JiaCounty2022No8.Compiled.Single(m => m.Definition == w.Measure).Predicate;
            Assert.True(predicate(w.AppliesTo!.Value), w.Measure.Code);
            Assert.False(predicate(w.DoesNotApplyTo!.Value), w.Measure.Code);
        }

        Assert.False(analysis.Sampled);
        Assert.True(analysis.Exact);
        Assert.All(analysis.Witnesses, w => Assert.True(w.Exact, w.Measure.Code));
        Assert.Equal(354, analysis.Candidates);
    }

    [Fact]
    public void A_rule_that_can_never_apply_is_an_error()
    {
        var analysis = Analyze("facts.ActivePositiveRecords > 2 && facts.ActivePositiveRecords < 3");

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("green", error.RuleName);
        Assert.StartsWith("can never apply", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData("facts.CreditChecked && 100 / facts.ActivePositiveRecords >= 50", "ActivePositiveRecords = 0", "Attempted to divide by zero")]
    [InlineData("facts.ActivePositiveRecords * 1073741824 > 1", "ActivePositiveRecords = 2", "Arithmetic operation resulted in an overflow")]
    public void A_rule_that_fails_on_some_subjects_is_an_error_naming_one(string expression, string subject, string reason)
    {
        var analysis = Analyze(expression);

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("green", error.RuleName);
        Assert.StartsWith($"fails on some subjects, whose profiles are then rejected without a decision ({reason}), e.g. ", error.Message, StringComparison.Ordinal);
        Assert.Contains(subject, error.Message, StringComparison.Ordinal);
        Assert.NotNull(analysis.Witnesses.Single(w => w.Measure.RuleName == "green").AppliesTo);
    }

    [Fact]
    public void A_rule_that_fails_on_some_subjects_is_reported_in_Chinese_too()
    {
        var analysis = Analyze("facts.CreditChecked && 100 / facts.ActivePositiveRecords >= 50", culture: MessagesTests.Chinese);

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.StartsWith("对部分主体无法求值（试图除以零），", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R7_a_penalty_that_can_apply_without_a_bad_credit_record_is_an_error()
    {
        var analysis = Analyze("!facts.HasBadCreditRecord", review: "facts.HasBadCreditRecord || facts.TerminatedCommitments > 0");

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("review", error.RuleName);
        Assert.Contains("R7's premise", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActiveNegativeRecords = 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R7_an_incentive_every_applying_subject_loses_to_a_penalty_is_a_warning()
    {
        var analysis = Analyze("facts.ActiveSeriousNegativeRecords > 0");

        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Findings));
        Assert.Contains(analysis.Findings, f => f.RuleName == "green" && f.Severity == FindingSeverity.Warning && f.Message.Contains("dominates", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("facts.CreditChecked && facts.DaysSinceCreditCheck <= 30 && facts.DaysSinceCreditCheck > 29")]
    [InlineData("facts.BestRating >= 7 && facts.WorstRating <= 2")]
    [InlineData("facts.EnjoyedConveniences == 3")]
    [InlineData("facts.IsNaturalPerson && facts.Kind == \\\"natural-person\\\"")]
    [InlineData("facts.ActiveCommendations == 1 && facts.ActiveRedListEntries == 1 && facts.ActivePositiveRecords == 2")]
    public void The_search_finds_narrow_but_possible_subjects(string expression)
    {
        var analysis = Analyze(expression);

        Assert.DoesNotContain(analysis.Findings, f => f.RuleName == "green" && f.Severity == FindingSeverity.Error);
        Assert.NotNull(analysis.Witnesses.Single(w => w.Measure.Code == "incentive.green-channel").AppliesTo);
    }

    [Theory]
    [InlineData("facts.BestRating > 0 && facts.CountingReports == 0")]
    [InlineData("facts.WorstRating > facts.BestRating")]
    [InlineData("facts.ActiveSeriousNegativeRecords > 0 && !facts.HasBadCreditRecord")]
    [InlineData("facts.EnjoysGreenChannel && facts.EnjoyedConveniences == 0")]
    [InlineData("!facts.CreditChecked && facts.DaysSinceCreditCheck < 30")]
    public void Impossible_combinations_of_facts_are_never_witnesses(string expression)
    {
        var analysis = Analyze(expression);

        Assert.Contains(analysis.Findings, f => f.RuleName == "green" && f.Message.StartsWith("can never apply", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_that_applies_to_everyone_is_a_warning()
    {
        var analysis = Analyze("true");

        Assert.Contains(analysis.Findings, f => f.RuleName == "green" && f.Message.StartsWith("applies to every subject", StringComparison.Ordinal));
    }

    private const string SevenFromThreeAndFour = """[ { "Name": "t", "Expression": "3 + 4" } ]""";

    /// <summary>Penalties that apply to a subject with 7 positive records and no bad record: found only if 7 is searched.</summary>
    public static TheoryData<string, string> PenaltiesWithArithmetic => new()
    {
        { "facts.HasBadCreditRecord || facts.ActivePositiveRecords * 2 == 14", "" },
        { "facts.HasBadCreditRecord || facts.ActivePositiveRecords / 3 == 5", "" },
        { "facts.HasBadCreditRecord || (facts.ActivePositiveRecords > 2.5 && facts.ActivePositiveRecords < 3.5)", "" },
        { "facts.HasBadCreditRecord || facts.ActivePositiveRecords == t", SevenFromThreeAndFour },
        { "facts.HasBadCreditRecord || facts.ActivePositiveRecords * 0.5 == 3.5", "" },
        { "facts.HasBadCreditRecord || facts.ActivePositiveRecords - 4 == 3", "" },
    };

    [Theory]
    [MemberData(nameof(PenaltiesWithArithmetic))]
    public void R7_a_penalty_that_applies_without_a_bad_record_only_through_arithmetic_or_a_computed_value_is_found(string review, string globals)
    {
        var analysis = Analyze("facts.CreditChecked", review, globals: globals);

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("review", error.RuleName);
        Assert.Contains("R7's premise", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActiveNegativeRecords = 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts.CreditChecked && facts.ActivePositiveRecords * 2 == 14", "", 7)]
    [InlineData("facts.CreditChecked && facts.ActivePositiveRecords / 3 == 5", "", 15)]
    [InlineData("facts.CreditChecked && facts.ActivePositiveRecords > 2.5 && facts.ActivePositiveRecords < 3.5", "", 3)]
    [InlineData("facts.CreditChecked && facts.ActivePositiveRecords == t", SevenFromThreeAndFour, 7)]
    [InlineData("facts.CreditChecked && facts.ActivePositiveRecords % 9 == 8", "", 8)]
    public void A_rule_that_applies_only_through_arithmetic_or_a_computed_value_is_not_said_never_to_apply(string green, string globals, int positive)
    {
        var analysis = Analyze(green, globals: globals);

        Assert.DoesNotContain(analysis.Findings, f => f.RuleName == "green");
        var applies = analysis.Witnesses.Single(w => w.Measure.RuleName == "green").AppliesTo;
        Assert.NotNull(applies);
        Assert.Equal(positive, applies.Value.ActivePositiveRecords); // the smallest such value: the grid is searched in order
    }

    [Theory]
    [InlineData("facts.ActivePositiveRecords > 2.5 && facts.ActivePositiveRecords < 3.5", "")]
    [InlineData("facts.ActivePositiveRecords == t", SevenFromThreeAndFour)]
    [InlineData("facts.BestRating * 2 > 13 && facts.EnjoyedConveniences + 1 == 3", "")]
    [InlineData("facts.IsNaturalPerson && facts.Kind == \\\"natural-person\\\" && !facts.HasBadCreditRecord", "")]
    [InlineData("iif(facts.ActivePositiveRecords > 3, 1, 0) == 1", "")]
    public void Comparing_count_facts_with_values_fixed_by_the_file_and_anything_on_finite_facts_is_exact(string green, string globals)
    {
        var analysis = Analyze(green, globals: globals);

        Assert.True(analysis.Exact);
        Assert.True(analysis.Witnesses.Single(w => w.Measure.RuleName == "green").Exact);
        Assert.DoesNotContain(analysis.Findings, f => f.RuleName == "green");
    }

    [Theory]
    [InlineData("facts.ActivePositiveRecords * 2 == 14")]
    [InlineData("facts.ActivePositiveRecords > facts.ActiveNegativeRecords")]
    [InlineData("iif(facts.CreditChecked, facts.ActivePositiveRecords, 3) == 4")]
    public void Arithmetic_on_a_count_fact_or_a_comparison_of_two_makes_the_search_not_exhaustive(string green)
    {
        var analysis = Analyze(green);

        Assert.False(analysis.Exact);
        Assert.False(analysis.Witnesses.Single(w => w.Measure.RuleName == "green").Exact);
        Assert.True(analysis.Witnesses.Single(w => w.Measure.RuleName == "review").Exact);
    }

    [Fact]
    public void A_rule_not_searched_exhaustively_that_no_subject_was_found_for_is_a_warning_not_an_error()
    {
        var analysis = Analyze("facts.CreditChecked && facts.ActivePositiveRecords * facts.ActivePositiveRecords == 2");

        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Findings));
        var warning = Assert.Single(analysis.Findings, f => f.RuleName == "green");
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.StartsWith("no subject found that it applies to among the values searched", warning.Message, StringComparison.Ordinal);
        Assert.False(analysis.Exact);
    }

    [Fact]
    public void A_rule_not_searched_exhaustively_is_reported_in_Chinese_too()
    {
        var analysis = Analyze("facts.CreditChecked && facts.ActivePositiveRecords * facts.ActivePositiveRecords == 2", culture: MessagesTests.Chinese);

        var warning = Assert.Single(analysis.Findings, f => f.RuleName == "green");
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.StartsWith("在搜索的取值中找不到适用该规则的主体", warning.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public Property A_count_fact_times_a_constant_compared_with_a_multiple_of_it_is_found() =>
        Prop.ForAll(
            Arb.From(from c in Gen.Choose(0, 5_000) from k in Gen.Choose(2, 60) select (c, k)),
            t =>
            {
                var analysis = Analyze(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"facts.CreditChecked && facts.ActivePositiveRecords * {t.k} == {t.c * t.k}"));
                return analysis.Witnesses.Single(w => w.Measure.RuleName == "green").AppliesTo is { } applies && applies.ActivePositiveRecords == t.c
                    && !analysis.Findings.Any(f => f.RuleName == "green");
            });

    /// <summary>Rules that treat a subject with fewer commitments made or kept worse than the same subject with more (C4).</summary>
    [Theory]
    [InlineData("facts.CreditChecked", "facts.HasBadCreditRecord && facts.CommitmentsInEffect == 0", "review", "CommitmentsInEffect = 0", "CommitmentsInEffect = 1")]
    [InlineData("facts.CreditChecked", "facts.HasBadCreditRecord && facts.FulfilledCommitments < 3", "review", "FulfilledCommitments = 2", "FulfilledCommitments = 3")]
    [InlineData("facts.CreditChecked && facts.CommitmentsInEffect > 0", "facts.HasBadCreditRecord", "green", "CommitmentsInEffect = 1", "CommitmentsInEffect = 0")]
    [InlineData("facts.CreditChecked && facts.FulfilledCommitments + facts.CommitmentsInEffect >= 2", "facts.HasBadCreditRecord", "green", "= 2", "= 1")]
    public void C4_a_rule_that_treats_fewer_commitments_worse_is_an_error_with_the_witnesses(string green, string review, string rule, string worse, string better)
    {
        var analysis = Analyze(green, review);

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(rule, error.RuleName);
        Assert.Contains("(C4:", error.Message, StringComparison.Ordinal);
        Assert.Contains(worse, error.Message, StringComparison.Ordinal);
        Assert.Contains(better, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C4_a_penalty_for_not_committing_is_reported_in_Chinese_too()
    {
        var analysis = Analyze("facts.CreditChecked", "facts.HasBadCreditRecord && facts.CommitmentsInEffect == 0", culture: MessagesTests.Chinese);

        var error = Assert.Single(analysis.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Contains("C4", error.Message, StringComparison.Ordinal);
        Assert.Contains("CommitmentsInEffect = 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("信用承诺", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts.CreditChecked && facts.CommitmentsInEffect == 0", "facts.HasBadCreditRecord")] // more commitments, less incentive: not C4's concern
    [InlineData("facts.CreditChecked", "facts.HasBadCreditRecord && facts.CommitmentsInEffect > 0")]
    [InlineData("facts.CreditChecked", "facts.HasBadCreditRecord && facts.BreachedCommitments > 0")] // a breach is a bad record (C1)
    [InlineData("facts.CreditChecked && facts.TerminatedCommitments == 0", "facts.HasBadCreditRecord")]
    [InlineData("facts.CreditChecked && facts.CommitmentsInEffect >= 0", "facts.HasBadCreditRecord")]
    public void C4_rules_that_never_treat_fewer_commitments_worse_are_not_reported(string green, string review)
    {
        var analysis = Analyze(green, review);

        Assert.DoesNotContain(analysis.Findings, f => f.Message.Contains("C4", StringComparison.Ordinal));
    }
}
