using System.Linq;
using System;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime.Testing;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

public sealed class PolicyEvaluatorTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly PolicyEvaluator Evaluator = new(RuleSet.JiaCounty2022No8);

    private static CreditProfile Profile(string rest = "", string subject = """{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"}""")
    {
        var result = ProfileJson.Read($$"""{"subject":{{subject}},"creditCheckedOn":"2026-11-20"{{rest}}}""");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static string[] Codes(AdvisoryDecision decision) => [.. decision.ApplicableMeasures.Select(m => m.Code)];

    [Fact]
    public void R6_1_An_active_commendation_without_bad_record_makes_an_integrity_model_citing_it()
    {
        var decision = Evaluator.Evaluate(Profile("""
            ,"records":[{"id":"c1","category":"commendation","decidedOn":"2026-01-01"},{"id":"c0","category":"red-list","decidedOn":"2025-01-01","publicUntil":"2025-12-31"}]
            """), Day);

        var measure = decision.ApplicableMeasures.First();
        Assert.Equal(("incentive.integrity-publicity", "R6.1"), (measure.Code, measure.Clause.ToString()));
        Assert.Equal(["c1"], measure.Evidence.ToArray());
    }

    [Fact]
    public void R6_1_Without_a_positive_record_there_is_no_integrity_publicity()
    {
        Assert.DoesNotContain("incentive.integrity-publicity", Codes(Evaluator.Evaluate(Profile(), Day)));
    }

    [Fact]
    public void R6_2_A_subject_without_bad_record_gets_the_three_conveniences_ordered_by_code()
    {
        Assert.Equal(
            ["incentive.acceptance-with-missing-materials", "incentive.green-channel", "incentive.priority-support"],
            Codes(Evaluator.Evaluate(Profile(), Day)));
    }

    [Fact]
    public void R7_1_R7_2_Any_active_bad_record_brings_publicity_and_key_review_citing_every_bad_record()
    {
        var decision = Evaluator.Evaluate(Profile("""
            ,"records":[{"id":"p2","category":"other-negative","decidedOn":"2026-01-01"},{"id":"p1","category":"administrative-penalty","decidedOn":"2025-01-01","publicUntil":"2025-06-30"},{"id":"c1","category":"commendation","decidedOn":"2026-01-01"}],
             "commitments":[{"id":"b1","type":"proactive-disclosure","matter":"m","committedOn":"2026-01-01","signedOn":"2026-01-01","breachedOn":"2026-05-01"}]
            """), Day);

        Assert.Equal(["penalty.dishonesty-publicity", "penalty.key-review"], Codes(decision));
        Assert.All(decision.ApplicableMeasures, m => Assert.Equal(["b1", "p2"], m.Evidence.ToArray()));
        Assert.All(decision.ApplicableMeasures, m => Assert.Equal(MeasureKind.Penalty, m.Kind));
    }

    [Fact]
    public void R7_3_Cancels_only_the_conveniences_the_subject_enjoys()
    {
        var decision = Evaluator.Evaluate(Profile("""
            ,"records":[{"id":"d1","category":"dishonest-judgment-debtor","decidedOn":"2026-01-01"}],"conveniences":["priority-support","green-channel"]
            """), Day);

        Assert.Equal(["penalty.dishonesty-publicity", "penalty.key-review", "penalty.revoke-conveniences"], Codes(decision));
        Assert.Equal([Convenience.GreenChannel, Convenience.PrioritySupport], decision.RevokedConveniences.ToArray());
    }

    [Fact]
    public void R7_3_Does_not_apply_to_a_subject_that_enjoys_no_convenience()
    {
        var decision = Evaluator.Evaluate(Profile(""","records":[{"id":"d1","category":"dishonest-judgment-debtor","decidedOn":"2026-01-01"}]"""), Day);

        Assert.DoesNotContain("penalty.revoke-conveniences", Codes(decision));
        Assert.Empty(decision.RevokedConveniences);
    }

    [Fact]
    public void R6_R7_A_subject_that_enjoys_conveniences_without_bad_record_keeps_them()
    {
        var decision = Evaluator.Evaluate(Profile(""","conveniences":["green-channel"]"""), Day);

        Assert.Empty(decision.RevokedConveniences);
        Assert.Contains("incentive.green-channel", Codes(decision));
    }

    [Fact]
    public void R3_Reports_that_do_not_count_are_ignored_with_a_warning_that_says_why()
    {
        var agencies = new FiledAgencyRegistry([new CreditServiceAgency("甲评级公司", "PBC-1")]);
        var decision = Evaluator.Evaluate(
            Profile("""
            ,"reports":[
              {"id":"r-ok","kind":"enterprise","agency":{"name":"甲评级公司","filingNumber":"PBC-1"},"rating":"AA","issuedOn":"2026-01-01","validUntil":"2026-12-31"},
              {"id":"r-old","kind":"enterprise","agency":{"name":"甲评级公司","filingNumber":"PBC-1"},"rating":"AAA","issuedOn":"2024-01-01","validUntil":"2024-12-31"},
              {"id":"r-unfiled","kind":"enterprise","agency":{"name":"乙咨询公司","filingNumber":"X-9"},"rating":"AAA","issuedOn":"2026-01-01","validUntil":"2026-12-31"}]
            """),
            Day,
            agencies);

        Assert.Equal(2, decision.Warnings.Length);
        Assert.Contains(decision.Warnings, w => w.Contains("r-old expired on 2024-12-31", StringComparison.Ordinal));
        Assert.Contains(decision.Warnings, w => w.Contains("r-unfiled", StringComparison.Ordinal) && w.Contains("not in the registry of filed", StringComparison.Ordinal));
    }

    [Fact]
    public void R3_Best_rating_counts_only_reports_that_count()
    {
        var agencies = new FiledAgencyRegistry([new CreditServiceAgency("甲评级公司", "PBC-1")]);
        var profile = Profile("""
            ,"reports":[
              {"id":"r-ok","kind":"enterprise","agency":{"name":"甲评级公司","filingNumber":"PBC-1"},"rating":"BBB","issuedOn":"2026-01-01","validUntil":"2026-12-31"},
              {"id":"r-unfiled","kind":"enterprise","agency":{"name":"乙咨询公司","filingNumber":"X-9"},"rating":"AAA","issuedOn":"2026-01-01","validUntil":"2026-12-31"}]
            """);

        var facts = SubjectFacts.Compute(profile, Day, agencies, RuleSet.NationalPublicityPolicy);

        Assert.Equal((1, 6, 6), (facts.CountingReports, facts.BestRating, facts.WorstRating));
    }

    [Fact]
    public void C3_A_signed_commitment_missing_a_letter_field_takes_effect_and_the_decision_says_the_letter_is_incomplete()
    {
        var profile = Profile(
            """
            ,"commitments":[{"id":"k1","type":"acceptance-with-missing-materials","matter":"m","committedOn":"2026-11-20","signedOn":"2026-11-20","missingMaterials":["证明"],"remedyDeadline":"2026-12-20"}],
             "records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2026-11-01"}]
            """,
            """{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"}""");

        var decision = Evaluator.Evaluate(profile, Day);

        var warning = Assert.Single(decision.Warnings);
        Assert.Contains("letter of commitment k1 is incomplete", warning, StringComparison.Ordinal);
        Assert.Contains("主管部门", warning, StringComparison.Ordinal);
        Assert.Contains("took effect on signature", warning, StringComparison.Ordinal);
        // In effect: the TD commitment is acceptance with missing materials in use, which R7.3 cancels.
        Assert.Equal([Convenience.AcceptanceWithMissingMaterials], decision.RevokedConveniences.ToArray());
    }

    [Fact]
    public void R9_Evaluating_before_the_rules_take_effect_is_an_error()
    {
        var error = Assert.Throws<RuleSetNotInForceException>(() => Evaluator.Evaluate(Profile(), new LocalDate(2022, 3, 10)));

        Assert.Contains("2022-03-11 (R9)", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Evaluator.Evaluate(Profile(), new LocalDate(2022, 3, 11)));
    }

    [Fact]
    public void R9_RuleSetNotInForceException_shows_the_rule_set_id_masked_and_escaped()
    {
        var json = System.IO.File.ReadAllText(System.IO.Path.Combine(CreditPolicy.Tests.Rules.ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"))
            .Replace("\"id\": \"jia-county-2022-8\"", "\"id\": \"jia-11010519491231002X\\u0007\"", StringComparison.Ordinal);
        var rules = RuleSet.Load(System.Text.Encoding.UTF8.GetBytes(json), "r.json").Value!;

        var error = Assert.Throws<RuleSetNotInForceException>(() => new PolicyEvaluator(rules).EnsureInForce(new LocalDate(2022, 3, 10)));

        Assert.Equal("jia-11010519491231002X\u0007", error.RuleSetId); // the data stays whole; only what is shown is masked
        Assert.Equal("rule set jia-110105********002X\\u0007 takes effect on 2022-03-11 (R9); it cannot evaluate as of 2022-03-10.", error.Reason);
        Assert.StartsWith("Rule set jia-110105********002X\\u0007 takes effect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_is_the_injected_clocks_day_in_China_Standard_Time()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 16, 30));
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Clock = clock });

        Assert.Equal(new LocalDate(2026, 11, 27), evaluator.EvaluateToday(Profile()).AsOf);
        Assert.Throws<InvalidOperationException>(() => Evaluator.EvaluateToday(Profile()));
    }

    [Fact]
    public void R6_R7_Penalties_dominate_an_incentive_rule_that_forgot_the_bad_record_condition()
    {
        var json = """
            {"WorkflowName":"t","RuleSet":{"id":"t","version":"1","source":"s","issuer":"i","effectiveFrom":"2022-03-11"},
             "Rules":[
              {"RuleName":"always","Expression":"true","Properties":{"code":"incentive.priority-support","kind":"incentive","clause":"R6.2","titleZh":"支持","titleEn":"Support"}},
              {"RuleName":"bad","Expression":"facts.HasBadCreditRecord","Properties":{"code":"penalty.key-review","kind":"penalty","clause":"R7.2","titleZh":"审查","titleEn":"Review"}}]}
            """;
        var evaluator = new PolicyEvaluator(RuleSet.Load(System.Text.Encoding.UTF8.GetBytes(json), "t.json").Value!);

        var decision = evaluator.Evaluate(Profile(""","records":[{"id":"p","category":"administrative-penalty","decidedOn":"2026-01-01"}]"""), Day);

        Assert.Equal(["penalty.key-review"], Codes(decision));
        Assert.Contains(decision.Warnings, w => w.Contains("penalties dominate incentives", StringComparison.Ordinal));
    }

    [Fact]
    public void R8_A_decision_shows_a_natural_persons_number_masked()
    {
        var decision = Evaluator.Evaluate(Profile(subject: """{"name":"张三","kind":"natural-person","idType":"resident-id","id":"410425198503151233"}"""), Day);

        var json = DecisionJson.Write(decision);

        Assert.Contains("\"id\":\"410425********1233\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("410425198503151233", json, StringComparison.Ordinal);
        Assert.DoesNotContain("410425198503151233", decision.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"4104############33\"", DecisionJson.Write(decision, new DecisionWriteOptions { Mask = new CreditPolicy.Subjects.IdentityMask(4, 2, '#') }), StringComparison.Ordinal);
    }

    [Fact]
    public void Decisions_are_advice_citing_the_rule_set_that_gave_them()
    {
        var decision = Evaluator.Evaluate(Profile(), Day);

        Assert.Equal(("jia-county-2022-8", "1.0.0", RuleSet.JiaCounty2022No8.Sha256), (decision.RuleSetId, decision.RuleSetVersion, decision.RuleSetSha256));
        Assert.Equal(64, decision.RuleSetSha256.Length);
    }

    [Fact]
    public void Batches_give_the_same_decisions_in_the_same_order_as_one_by_one()
    {
        var profiles = FsCheck.Fluent.Gen.Sample(Generators.Profiles, 500);

        var batch = Evaluator.EvaluateAll(profiles, Day);
        var measures = Evaluator.EvaluateAllMeasures(profiles, Day);
        var each = new string[profiles.Length];
        Evaluator.EvaluateEach(profiles, Day, (i, decision) => each[i] = DecisionJson.Write(decision));

        for (var i = 0; i < profiles.Length; i++)
        {
            var single = Evaluator.Evaluate(profiles[i], Day);
            Assert.Equal(DecisionJson.Write(single), DecisionJson.Write(batch[i]));
            Assert.Equal(DecisionJson.Write(single), each[i]);
            Assert.Equal(single.ApplicableMeasures.Length, measures[i].Count);
            Assert.All(single.ApplicableMeasures, m => Assert.True(measures[i].Contains(m.Code)));
        }

        Assert.Throws<RuleSetNotInForceException>(() => Evaluator.EvaluateAll(profiles, new LocalDate(2020, 1, 1)));
    }

    [Theory]
    [InlineData("activeNegativeRecords", "b1,g1,s1")]
    [InlineData("activeSeriousNegativeRecords", "s1")]
    [InlineData("activePositiveRecords", "c1")]
    [InlineData("breachedCommitments", "b1")]
    [InlineData("badCreditRecords", "b1,g1,s1")]
    [InlineData("countingReports", "r1")]
    [InlineData("activeSeriousNegativeRecords\", \"activeNegativeRecords", "b1,g1,s1")]
    [InlineData("countingReports\", \"activePositiveRecords", "c1,r1")]
    public void Each_evidence_set_cites_exactly_its_items(string sets, string expected)
    {
        var json = $$$"""
            {"WorkflowName":"t","RuleSet":{"id":"t","version":"1","source":"s","issuer":"i","effectiveFrom":"2022-03-11",
              "filedAgencies":[{"name":"甲","filingNumber":"F-1"}]},
             "Rules":[{"RuleName":"r","Expression":"true","Properties":{"code":"penalty.key-review","kind":"penalty","clause":"R7.2","titleZh":"审查","titleEn":"Review","evidence":["{{{sets}}}"]}}]}
            """;
        var evaluator = new PolicyEvaluator(RuleSet.Load(System.Text.Encoding.UTF8.GetBytes(json), "t.json").Value!);
        var profile = Profile("""
            ,"records":[
              {"id":"s1","category":"serious-dishonesty-list","decidedOn":"2026-01-01"},
              {"id":"g1","category":"administrative-penalty","decidedOn":"2026-01-01"},
              {"id":"old","category":"administrative-penalty","decidedOn":"2024-01-01","publicUntil":"2024-12-31"},
              {"id":"c1","category":"commendation","decidedOn":"2026-01-01"},
              {"id":"l1","category":"administrative-license","decidedOn":"2026-01-01"}],
             "reports":[
              {"id":"r1","kind":"enterprise","agency":{"name":"甲","filingNumber":"F-1"},"rating":"A","issuedOn":"2026-01-01","validUntil":"2026-12-31"},
              {"id":"r2","kind":"enterprise","agency":{"name":"乙","filingNumber":"X"},"rating":"A","issuedOn":"2026-01-01","validUntil":"2026-12-31"}],
             "commitments":[
              {"id":"b1","type":"proactive-disclosure","matter":"m","committedOn":"2026-01-01","signedOn":"2026-01-01","breachedOn":"2026-02-01"},
              {"id":"k1","type":"proactive-disclosure","matter":"m","committedOn":"2026-01-01","signedOn":"2026-01-01"}]
            """);

        var measure = Assert.Single(evaluator.Evaluate(profile, Day).ApplicableMeasures);

        Assert.Equal(expected, string.Join(",", measure.Evidence));
    }
}
