using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// The county's rules composed with the national rule sets (国办发〔2020〕42号, 国办发〔2019〕35号): each measure names
/// its rule set and clause, penalties of one set dominate incentives of another (R6, R7), and a clause id two sets
/// declare differently is a located error at load.
/// </summary>
public sealed class NationalCompositionTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    private static RuleSet All()
    {
        var result = RuleSet.Compose([RuleSet.JiaCounty2022No8, RuleSet.StateCouncilOffice2020No42, RuleSet.StateCouncilOffice2019No35]);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static CreditProfile Profile(string extra) =>
        ProfileJson.Read($$"""
            {"subject":{"name":"郏县甲建材有限公司","kind":"enterprise","idType":"uscc","id":"91410425MA40C1A22F"},"creditCheckedOn":"2026-11-20"{{extra}}}
            """).Value!;

    [Fact]
    public void GBF2020_42_A_false_commitment_draws_the_national_bar_beside_the_county_penalties_each_citing_its_set()
    {
        var profile = Profile(""","commitments":[{"id":"cm-1","type":"approval-substitution","matter":"资质核准","committedOn":"2026-05-06","signedOn":"2026-05-06","breachedOn":"2026-07-01","falseCommitment":true}]""");

        var decision = new PolicyEvaluator(All()).Evaluate(profile, Day);

        var measures = decision.ApplicableMeasures.Select(m => (m.Code, m.Clause.ToString(), m.Definition.RuleSetId)).ToArray();
        Assert.Equal(
            [
                ("penalty.dishonesty-publicity", "R7.1", "jia-county-2022-8"),
                ("penalty.key-review", "R7.2", "jia-county-2022-8"),
                ("penalty.commitment-breach-discipline", "GBF2019-35.2", "cn-gbf-2019-35"),
                ("penalty.no-approval-substitution", "GBF2020-42.1", "cn-gbf-2020-42"),
            ],
            measures);
        var json = DecisionJson.Write(decision);
        Assert.Contains("\"ruleSets\":[{\"id\":\"cn-gbf-2019-35\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"clause\":\"GBF2020-42.1\"", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void R6_GBF2019_35_A_clean_checked_subject_gets_the_county_and_national_incentives()
    {
        var decision = new PolicyEvaluator(All()).Evaluate(Profile(string.Empty), Day);

        var codes = decision.ApplicableMeasures.Select(m => m.Code).ToArray();
        Assert.Contains("incentive.green-channel", codes);
        Assert.Contains("incentive.prior-acceptance-on-commitment", codes);
        Assert.DoesNotContain(codes, c => c.StartsWith("penalty.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void R7_A_published_minor_record_draws_the_county_penalties_and_no_incentive_of_either_set()
    {
        var profile = Profile(""","records":[{"id":"rec-1","category":"administrative-penalty","severity":"minor","decidedOn":"2026-10-01","publicUntil":"2026-12-31"}]""");

        var decision = new PolicyEvaluator(All()).Evaluate(profile, Day);

        // Not fairly serious (GBF2020-42.1 bars general and serious records), but a bad credit record all the same (R7, GBF2019-35.1).
        Assert.Equal(["penalty.dishonesty-publicity", "penalty.key-review"], decision.ApplicableMeasures.Select(m => m.Code));
    }

    [Fact]
    public void Every_case_of_every_composed_set_passes_against_the_composition()
    {
        var results = new PolicyEvaluator(All()).RunCases();

        Assert.Equal(32, results.Length);
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void A_clause_id_two_rule_sets_declare_differently_is_an_error_at_the_second_declaration()
    {
        var clause = """, "clauses": [{ "id": "GBF2020-42.1", "source": "另一文件", "textZh": "另一条款" }]""";
        var other = CompositionTests.Load(
            CompositionTests.File("other-national", "provincial", "2021-01-01", clause, CompositionTests.Rule("other", "penalty.other-bar", "GBF2020-42.1", "facts.HasBadCreditRecord")),
            "other.json");

        var result = RuleSet.Compose([RuleSet.StateCouncilOffice2020No42, other]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("other.json", error.File);
        Assert.Equal("$.RuleSet.clauses[0].id", error.Path);
        Assert.Contains("cn-gbf-2020-42", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_clause_declared_alike_by_two_sets_composes()
    {
        var same = RuleSet.StateCouncilOffice2020No42.Clauses[0];
        var clause = $$""", "clauses": [{ "id": "{{same.Id}}", "source": "{{same.Source}}", "textZh": "{{same.TextZh}}", "textEn": "{{same.TextEn}}", "kind": "penalty" }]""";
        var other = CompositionTests.Load(
            CompositionTests.File("provincial", "provincial", "2021-01-01", clause, CompositionTests.Rule("other", "penalty.other-bar", same.Id.ToString(), "facts.HasBadCreditRecord")),
            "provincial.json");

        var result = RuleSet.Compose([RuleSet.StateCouncilOffice2020No42, other]);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Single(result.Value.Clauses, c => c.Id == same.Id);
    }
}
