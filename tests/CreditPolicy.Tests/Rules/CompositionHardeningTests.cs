using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;
using static CreditPolicy.Tests.Rules.CompositionTests;

namespace CreditPolicy.Tests.Rules;

/// <summary>What a red team found wrong with composition and declared clauses (issue 13), each now refused or reported.</summary>
public sealed class CompositionHardeningTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static ReadResult<RuleSet> Read(string json, string file = "x.json", CultureInfo? culture = null) => RuleSet.Load(Encoding.UTF8.GetBytes(json), file, culture: culture);

    private static string Declaring(string clauseId, string code = "penalty.other-bar") => File(
        "declaring", "national", "2021-01-01", $$""", "clauses": [{ "id": "{{clauseId.Replace("\n", "\\n", StringComparison.Ordinal)}}", "source": "某文件", "textZh": "某条款" }]""",
        Rule("r", code, clauseId.Replace("\n", "\\n", StringComparison.Ordinal), "facts.HasBadCreditRecord"));

    [Fact]
    public void R9_A_case_dated_before_a_composed_set_takes_effect_is_a_case_problem_naming_the_set_not_a_crash()
    {
        var future = Load(File("future-set", "provincial", "2030-01-01", "", Rule("f", "penalty.future-bar", "R7.2", "facts.HasBadCreditRecord")), "future.json");

        var composed = RuleSet.Compose([RuleSet.JiaCounty2022No8, future]);

        Assert.True(composed.Succeeded);
        Assert.All(composed.Value.Cases, c => Assert.True(c.AsOf >= future.EffectiveFrom));
        Assert.Equal(RuleSet.JiaCounty2022No8.Cases.Length - composed.Value.Cases.Length, composed.Value.CaseProblems.Length);
        Assert.NotEmpty(composed.Value.CaseProblems);
        Assert.All(new PolicyEvaluator(composed.Value).RunCases(), r => Assert.Null(r.Failure));
        Assert.All(composed.Value.CaseProblems, p =>
        {
            Assert.Equal("jia-county-2022-8.json", p.File);
            Assert.Contains("future-set", p.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void R8_A_declared_clause_id_shaped_like_a_resident_identity_number_is_refused_masked()
    {
        var error = Assert.Single(Read(Declaring("A-110101199003071233")).Errors, e => e.Path == "$.RuleSet.clauses[0].id");

        Assert.DoesNotContain("110101199003071233", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A1\n")]
    [InlineData("R7.4")]
    [InlineData("R6.1.1")]
    [InlineData("C8")]
    [InlineData("TP")]
    public void A_declared_clause_id_with_a_final_line_feed_or_that_reads_as_the_policys_is_refused(string id)
    {
        Assert.Contains(Read(Declaring(id)).Errors, e => e.Path == "$.RuleSet.clauses[0].id");
    }

    [Fact]
    public void A_measure_code_with_a_final_line_feed_is_refused_so_it_cannot_pass_for_the_contracts()
    {
        var json = File("x", "national", "2021-01-01", "", Rule("r", "penalty.key-review\\n", "R7.2", "facts.HasBadCreditRecord"));

        Assert.Contains(Read(json).Errors, e => e.Path == "$.Rules[0].Properties.code");
    }

    [Fact]
    public void A_long_declared_clause_id_is_echoed_cut()
    {
        var error = Assert.Single(Read(Declaring("A" + new string('b', 5000))).Errors, e => e.Path == "$.RuleSet.clauses[0].id");

        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void Two_sets_of_one_level_with_one_code_conflict_even_when_a_higher_level_replaces_both()
    {
        var national = Load(File("n", "national", "2021-01-01", "", Rule("n", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "n.json");
        var first = Load(File("m1", "municipal", "2021-01-01", "", Rule("m1", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "m1.json");
        var second = Load(File("m2", "municipal", "2021-01-01", "", Rule("m2", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "m2.json");

        var error = Assert.Single(RuleSet.Compose([national, first, second]).Errors);

        Assert.Equal("m2.json", error.File);
        Assert.Equal("$.Rules[0].Properties.code", error.Path);
    }

    [Fact]
    public void A_rule_set_id_holding_a_plus_cannot_be_composed()
    {
        var plus = Load(File("a+b", "national", "2021-01-01", "", Rule("p", "penalty.plus-bar", "R7.2", "facts.HasBadCreditRecord")), "plus.json");

        var error = Assert.Single(RuleSet.Compose([RuleSet.JiaCounty2022No8, plus]).Errors);

        Assert.Equal("$.RuleSet.id", error.Path);
        Assert.Equal("plus.json", error.File);
    }

    [Fact]
    public void Composition_and_clause_errors_in_Chinese_name_levels_and_kinds_in_Chinese()
    {
        var a = Load(File("a", null, "2021-01-01", "", Rule("a", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "a.json");
        var b = Load(File("b", null, "2021-01-01", "", Rule("b", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "b.json");
        var kind = File("k", "national", "2021-01-01", """, "clauses": [{ "id": "K1", "source": "某文件", "textZh": "某条款", "kind": "penalty" }]""", Rule("k", "incentive.k", "K1", "facts.CreditChecked"));

        var sameLevel = Assert.Single(RuleSet.Compose([a, b], Chinese).Errors).Message;
        var wrongKind = Assert.Single(Read(kind, culture: Chinese).Errors).Message;

        Assert.Contains("县级", sameLevel, StringComparison.Ordinal);
        Assert.DoesNotContain("county", sameLevel, StringComparison.Ordinal);
        Assert.Contains("惩戒条款", wrongKind, StringComparison.Ordinal);
        Assert.DoesNotContain("incentive", wrongKind, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_fails_in_a_composition_is_named_with_its_rule_set()
    {
        var failing = Load(File("div-set", "municipal", "2021-01-01", "", Rule("divides", "incentive.divide", "R6.3", "10 / facts.ActiveNegativeRecords > 1")), "div.json");
        var evaluator = new PolicyEvaluator(RuleSet.Compose([RuleSet.JiaCounty2022No8, failing]).Value!);
        var profile = ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"91410425MA40C1A22F"}}""").Value!;

        var error = Assert.Throws<RuleEvaluationException>(() => evaluator.Evaluate(profile, new LocalDate(2026, 11, 27)));

        Assert.Contains("div-set", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GBF2019_35_A_breach_recorded_at_another_window_is_a_breached_commitment()
    {
        var profile = ProfileJson.Read("""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"91410425MA40C1A22F"},"creditCheckedOn":"2026-11-20",
             "records":[{"id":"rec-x","category":"commitment-breach","decidedOn":"2026-07-01","falseCommitment":true}]}
            """).Value!;

        var decision = new PolicyEvaluator(RuleSet.StateCouncilOffice2019No35).Evaluate(profile, new LocalDate(2026, 11, 27));

        var discipline = Assert.Single(decision.ApplicableMeasures);
        Assert.Equal("penalty.commitment-breach-discipline", discipline.Code);
        Assert.Equal("rec-x", Assert.Single(discipline.Evidence));
    }
}
