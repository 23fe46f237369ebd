using System.Linq;
using System;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Decisions a county can defend (contract v2): records and breaches end when the law says, signatures
/// decide, no data is not a clean record, R7.3 sees 容缺受理 in use, Credit Reference Center reports count.
/// </summary>
public sealed class LifecycleEvaluationTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly PolicyEvaluator Evaluator = new(RuleSet.JiaCounty2022No8);
    private const string Company = """{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"}""";
    private static readonly string[] Incentives = ["incentive.acceptance-with-missing-materials", "incentive.green-channel", "incentive.priority-support"];
    private static readonly string[] Penalties = ["penalty.dishonesty-publicity", "penalty.key-review"];

    private static CreditProfile Profile(string rest, string checkedOn = ",\"creditCheckedOn\":\"2026-11-20\"")
    {
        var result = ProfileJson.Read($$"""{"subject":{{Company}}{{checkedOn}}{{rest}}}""");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static string[] Codes(AdvisoryDecision decision) => [.. decision.ApplicableMeasures.Select(m => m.Code)];

    private static SubjectFacts Facts(CreditProfile profile, LocalDate? day = null) =>
        SubjectFacts.Compute(profile, day ?? Day, RuleSet.JiaCounty2022No8.FiledAgencies, RuleSet.JiaCounty2022No8.PublicityPolicy);

    [Fact]
    public void R2_R6_A_subject_whose_only_penalty_lapsed_under_Order_36_gets_incentives_not_penalties()
    {
        var decision = Evaluator.Evaluate(Profile(""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2022-04-01"}]"""), new LocalDate(2030, 1, 1));

        Assert.Equal(Incentives, Codes(decision));
        // Without publicUntil the record ends where the contract says (the class maximum): nothing to warn about.
        Assert.Empty(decision.Warnings);
    }

    [Fact]
    public void R2_A_publicUntil_beyond_the_maximum_is_capped_with_a_warning_citing_the_regime()
    {
        var decision = Evaluator.Evaluate(Profile(""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2025-06-01","publicUntil":"2028-05-31"}]"""), Day);

        Assert.Equal(Incentives, Codes(decision));
        var warning = Assert.Single(decision.Warnings);
        Assert.Contains("publicUntil 2028-05-31 is capped", warning, StringComparison.Ordinal);
        Assert.Contains("general information, P1Y from the decision", warning, StringComparison.Ordinal);
        Assert.Contains("ended on 2026-05-31", warning, StringComparison.Ordinal);
        Assert.Contains("信用修复管理办法", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void R2_Minor_information_is_no_bad_credit_record_and_a_minor_publicUntil_beyond_three_months_is_capped_with_a_warning()
    {
        var unpublished = Evaluator.Evaluate(Profile(""","records":[{"id":"m1","category":"administrative-penalty","severity":"minor","decidedOn":"2026-11-01"}]"""), Day);
        var published = Evaluator.Evaluate(Profile(""","records":[{"id":"m1","category":"administrative-penalty","severity":"minor","decidedOn":"2026-06-01","publicUntil":"2026-12-31"}]"""), Day);

        Assert.Equal(Incentives, Codes(unpublished));
        Assert.Empty(unpublished.Warnings);
        Assert.Equal(Incentives, Codes(published));
        var warning = Assert.Single(published.Warnings);
        Assert.Contains("minor information, P3M from the decision", warning, StringComparison.Ordinal);
        Assert.Contains("ended on 2026-08-31", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void R2_A_record_that_ended_by_its_own_date_needs_no_warning()
    {
        var decision = Evaluator.Evaluate(Profile(""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2025-06-01","publicUntil":"2026-05-31"}]"""), Day);

        Assert.Equal(Incentives, Codes(decision));
        Assert.Empty(decision.Warnings);
    }

    [Fact]
    public void C1_A_breach_record_naming_its_commitment_is_the_same_breach_counted_once_citing_both()
    {
        var profile = Profile("""
            ,"records":[{"id":"rec-b","category":"commitment-breach","commitmentId":"k1","decidedOn":"2026-08-15"}],
             "commitments":[{"id":"k1","type":"proactive-disclosure","matter":"m","committedOn":"2026-03-02","signedOn":"2026-03-02","breachedOn":"2026-08-15"}]
            """);

        var facts = Facts(profile);
        var decision = Evaluator.Evaluate(profile, Day);

        Assert.Equal((1, 1), (facts.ActiveNegativeRecords, facts.BreachedCommitments));
        Assert.Equal(Penalties, Codes(decision));
        Assert.All(decision.ApplicableMeasures, m => Assert.Equal(["k1", "rec-b"], m.Evidence.ToArray()));
    }

    [Theory]
    [InlineData("\"severity\":\"serious\",\"repairedOn\":\"2026-09-01\"", "\"breachRepairedOn\":\"2026-12-20\"", false)] // the record's repair wins
    [InlineData("\"severity\":\"serious\",\"repairedOn\":\"2026-12-20\"", "\"breachRepairedOn\":\"2026-09-01\"", true)]  // the record's later repair wins
    [InlineData("\"severity\":\"serious\"", "\"breachRepairedOn\":\"2026-09-01\"", false)]                               // the record says nothing: the commitment's repair
    [InlineData("\"authority\":\"某局\"", "\"breachSeverity\":\"serious\"", true)]               // the record says nothing: the commitment's class (3 years)
    [InlineData("\"severity\":\"general\"", "\"breachSeverity\":\"serious\"", false)]           // the record's class wins (1 year)
    public void C1_One_breach_in_two_representations_the_records_values_win_and_the_commitment_fills_what_it_leaves_out(string record, string commitment, bool bad)
    {
        var profile = Profile($$"""
            ,"records":[{"id":"rec-b","category":"commitment-breach","commitmentId":"k1","decidedOn":"2025-08-15",{{record}}}],
             "commitments":[{"id":"k1","type":"proactive-disclosure","matter":"m","committedOn":"2025-03-02","signedOn":"2025-03-02","breachedOn":"2025-08-15",{{commitment}}}]
            """);

        Assert.Equal(bad ? Penalties : Incentives, Codes(Evaluator.Evaluate(profile, Day)));
        Assert.Equal(bad, profile.BreachOf(profile.Commitments[0])!.IsActiveOn(Day, RuleSet.JiaCounty2022No8.PublicityPolicy));
    }

    [Fact]
    public void R7_3_A_breach_recorded_as_a_record_ends_a_TD_commitments_use_of_acceptance_with_missing_materials_as_one_given_on_it_does()
    {
        const string Td = "\"id\":\"td\",\"type\":\"acceptance-with-missing-materials\",\"matter\":\"m\",\"committedOn\":\"2026-11-01\",\"signedOn\":\"2026-11-01\",\"missingMaterials\":[\"证明\"],\"remedyDeadline\":\"2026-12-31\"";
        var asRecord = Profile($$""","records":[{"id":"r1","category":"commitment-breach","commitmentId":"td","decidedOn":"2026-11-20"}],"commitments":[{{{Td}}}]""");
        var onCommitment = Profile($$""","commitments":[{{{Td}},"breachedOn":"2026-11-20"}]""");

        Assert.Equal(Json(Evaluator.Evaluate(onCommitment, Day)).Replace("\"td\"]", "\"r1\",\"td\"]", StringComparison.Ordinal), Json(Evaluator.Evaluate(asRecord, Day)));
        Assert.Empty(Evaluator.Evaluate(asRecord, Day).RevokedConveniences);
        Assert.Equal(CreditPolicy.Commitments.CommitmentStatus.Breached, asRecord.CommitmentStatusOn(asRecord.Commitments[0], Day));
    }

    [Fact]
    public void C1_A_breach_given_on_the_commitment_is_a_negative_record_of_its_class()
    {
        var serious = Profile(""","commitments":[{"id":"k1","type":"proactive-disclosure","matter":"m","committedOn":"2026-03-02","signedOn":"2026-03-02","breachedOn":"2026-08-15","breachSeverity":"serious"}]""");
        var facts = Facts(serious);

        Assert.Equal((1, 1, 1), (facts.ActiveNegativeRecords, facts.ActiveSeriousNegativeRecords, facts.BreachedCommitments));
        Assert.Equal((0, 0), (Facts(serious, new LocalDate(2029, 8, 15)).ActiveNegativeRecords, Facts(serious, new LocalDate(2029, 8, 15)).BreachedCommitments));
        Assert.Equal(1, Facts(serious, new LocalDate(2029, 8, 14)).ActiveNegativeRecords);
    }

    [Fact]
    public void R7_3_A_TD_commitment_in_effect_is_acceptance_with_missing_materials_in_use_and_is_revoked()
    {
        var td = """{"id":"td","type":"acceptance-with-missing-materials","matter":"m","committedOn":"2026-11-20","signedOn":"2026-11-20","missingMaterials":["证明"],"remedyDeadline":"2026-12-20"}""";
        var profile = Profile($$""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2026-11-02"}],"commitments":[{{td}}],"conveniences":["green-channel"]""");
        var listedToo = Profile($$""","commitments":[{{td}}],"conveniences":["acceptance-with-missing-materials"]""");

        var decision = Evaluator.Evaluate(profile, Day);

        Assert.Contains("penalty.revoke-conveniences", Codes(decision));
        Assert.Equal([Convenience.GreenChannel, Convenience.AcceptanceWithMissingMaterials], decision.RevokedConveniences.ToArray());
        Assert.Equal((true, 2), (Facts(profile).EnjoysAcceptanceWithMissingMaterials, Facts(profile).EnjoyedConveniences));
        Assert.Equal(1, Facts(listedToo).EnjoyedConveniences);
        // Fulfilled, terminated or not yet signed, it is no longer (or not yet) in use.
        Assert.False(Facts(profile, new LocalDate(2026, 12, 21)).EnjoysAcceptanceWithMissingMaterials);
        Assert.False(Facts(profile, new LocalDate(2026, 11, 19)).EnjoysAcceptanceWithMissingMaterials);
    }

    [Fact]
    public void Provenance_Without_creditCheckedOn_no_incentive_applies_and_the_decision_says_the_absence_of_records_proves_nothing()
    {
        var unchecked_ = Profile(string.Empty, checkedOn: string.Empty);
        var decision = Evaluator.Evaluate(unchecked_, Day);

        Assert.Empty(decision.ApplicableMeasures);
        Assert.Contains("creditCheckedOn", Assert.Single(decision.Warnings), StringComparison.Ordinal);
        Assert.Equal((false, int.MaxValue), (Facts(unchecked_).CreditChecked, Facts(unchecked_).DaysSinceCreditCheck));
        Assert.Equal((true, 7), (Facts(Profile(string.Empty)).CreditChecked, Facts(Profile(string.Empty)).DaysSinceCreditCheck));
        Assert.Equal(0, Facts(Profile(string.Empty), new LocalDate(2026, 11, 1)).DaysSinceCreditCheck);
    }

    [Fact]
    public void Provenance_A_penalty_needs_no_credit_check_the_record_is_its_evidence()
    {
        var decision = Evaluator.Evaluate(Profile(""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2026-11-02"}]""", checkedOn: string.Empty), Day);

        Assert.Equal(Penalties, Codes(decision));
    }

    [Fact]
    public void R3_A_Credit_Reference_Center_report_counts_without_agency_or_rating()
    {
        var profile = Profile(""","reports":[{"id":"crc","kind":"enterprise","source":"credit-reference-center","issuedOn":"2026-10-01","validUntil":"2026-12-31"}]""");

        var facts = Facts(profile);
        var decision = Evaluator.Evaluate(profile, Day);

        Assert.Equal((1, 1, 0, 0), (facts.CountingReports, facts.CountingCreditReferenceCenterReports, facts.BestRating, facts.WorstRating));
        Assert.Empty(decision.Warnings);
        Assert.Equal(0, Facts(profile, new LocalDate(2027, 1, 1)).CountingReports);
    }

    [Fact]
    public void C3_An_unsigned_commitment_with_gaps_is_not_in_effect_and_changes_nothing_not_even_a_warning()
    {
        var unsigned = Profile(""","commitments":[{"id":"k1","type":"approval-substitution","matter":"m","committedOn":"2026-11-01"}]""");

        Assert.Equal(Json(Evaluator.Evaluate(Profile(string.Empty), Day)), Json(Evaluator.Evaluate(unsigned, Day)));
        Assert.Equal(0, Facts(unsigned).CommitmentsInEffect);
    }

    [Fact]
    public void C2_3_A_signed_approval_substitution_without_replaced_certificates_warns_that_its_letter_is_incomplete()
    {
        var decision = Evaluator.Evaluate(Profile(""","commitments":[{"id":"k1","type":"approval-substitution","matter":"m","committedOn":"2026-11-01","signedOn":"2026-11-01"}]"""), Day);

        Assert.Contains("certificates it replaces", Assert.Single(decision.Warnings), StringComparison.Ordinal);
        Assert.Equal(Incentives, Codes(decision));
    }

    private static string Json(AdvisoryDecision decision) => DecisionJson.Write(decision);
}
