using System;
using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Tests.Rules;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>The what-if comparison behind <c>diff</c> explains itself (contract v2: <c>rules[]</c> and <c>changes[].because[]</c>, issue 11).</summary>
public sealed class PolicyComparerTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    private static string Shipped() => File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));

    private static RuleSet Variant(params (string From, string To)[] edits)
    {
        var json = Shipped();
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, json, StringComparison.Ordinal);
            json = json.Replace(from, to, StringComparison.Ordinal);
        }

        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), "variant.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static string[] Codes(ApplicableMeasureSet measures)
    {
        var codes = new System.Collections.Generic.List<string>();
        foreach (var measure in measures)
        {
            codes.Add(measure.Code);
        }

        return [.. codes];
    }

    private static CreditProfile[] Samples() =>
        [.. File.ReadLines(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "samples", "profiles.jsonl")).Select(l => ProfileJson.Read(l).Value!)];

    [Fact]
    public void R2_A_change_of_publicity_policy_alone_is_explained_by_the_facts_it_changes()
    {
        // A county that publishes general administrative penalties for three years instead of the national one:
        // no rule differs, so because[] is empty, and the facts say why each subject changes.
        var proposed = Variant(("\"publicityPolicy\": \"cn-national-publicity\"", """
            "publicityPolicy": {"id": "local", "regimes": [{"id": "three-years", "source": "某县规定", "effectiveFrom": "2019-01-01",
              "basis": "一般行政处罚信息公示三年", "maxima": {"administrative-penalty": {"minor": "P3M", "general": "P3Y", "serious": "P3Y"}}}]}
            """));
        var comparer = new PolicyComparer(new PolicyEvaluator(RuleSet.JiaCounty2022No8), new PolicyEvaluator(proposed));

        var changes = Samples().Select(p => comparer.Compare(p, Day)).Where(c => c.Changed).ToArray();

        Assert.Empty(comparer.Rules);
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Empty(c.Because);
            Assert.Contains("ActiveNegativeRecords", c.BecauseFacts);
            Assert.Contains("HasBadCreditRecord", c.BecauseFacts);
        });
    }

    [Fact]
    public void When_only_rules_differ_no_fact_is_named()
    {
        var proposed = Variant(("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1"));
        var comparer = new PolicyComparer(new PolicyEvaluator(RuleSet.JiaCounty2022No8), new PolicyEvaluator(proposed));

        var changes = Samples().Select(p => comparer.Compare(p, Day)).Where(c => c.Changed).ToArray();

        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Empty(c.BecauseFacts));
        Assert.All(changes, c => Assert.Equal(["incentive.integrity-publicity"], c.Because.ToArray()));
    }

    [Fact]
    public void Rules_that_differ_are_listed_with_what_changed_before_and_after()
    {
        var proposed = Variant(
            ("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1"),
            ("\"Expression\": \"facts.HasBadCreditRecord\",\n      \"Enabled\": true,\n      \"Properties\": {\n        \"code\": \"penalty.key-review\"", "\"Expression\": \"facts.HasBadCreditRecord\",\n      \"Enabled\": false,\n      \"Properties\": {\n        \"code\": \"penalty.key-review\""),
            ("\"titleEn\": \"Green channel in administrative approval\"", "\"titleEn\": \"Green channel\""));

        var rules = RuleDifference.Compare(RuleSet.JiaCounty2022No8, proposed);

        Assert.Equal(["incentive.integrity-publicity", "incentive.green-channel", "penalty.key-review"], rules.Select(r => r.Code).ToArray());
        Assert.All(rules, r => Assert.Equal(RuleChange.Changed, r.Change));
        Assert.Equal(["Expression"], rules[0].Fields.ToArray());
        Assert.Equal("facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0", rules[0].Before["Expression"]);
        Assert.Equal("facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 1", rules[0].After["Expression"]);
        Assert.Equal(["titleEn"], rules[1].Fields.ToArray());
        Assert.Equal(["Enabled"], rules[2].Fields.ToArray());
        Assert.Equal(("true", "false"), (rules[2].Before["Enabled"], rules[2].After["Enabled"]));
        Assert.Equal("R7.2", rules[2].Clause.ToString());
    }

    [Fact]
    public void A_renamed_code_is_one_rule_removed_and_one_added_and_identical_sets_differ_in_nothing()
    {
        var proposed = Variant(("\"code\": \"incentive.priority-support\"", "\"code\": \"incentive.priority-support-2\""));

        var rules = RuleDifference.Compare(RuleSet.JiaCounty2022No8, proposed);

        Assert.Equal([("incentive.priority-support-2", RuleChange.Added), ("incentive.priority-support", RuleChange.Removed)], rules.Select(r => (r.Code, r.Change)).ToArray());
        Assert.Empty(RuleDifference.Compare(RuleSet.JiaCounty2022No8, Variant()));
    }

    [Fact]
    public void R6_1_each_change_is_explained_by_the_rule_that_changed_for_that_subject()
    {
        var comparer = new PolicyComparer(new PolicyEvaluator(RuleSet.JiaCounty2022No8), new PolicyEvaluator(Variant(
            ("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1"),
            ("\"titleEn\": \"Green channel in administrative approval\"", "\"titleEn\": \"Green channel\""))));

        var changes = Samples().Select(p => comparer.Compare(p, Day)).Where(c => c.Changed).ToArray();

        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal(["incentive.integrity-publicity"], c.Because.ToArray())); // not the retitled green channel
    }

    [Fact]
    public void R7_a_penalty_that_stops_matching_explains_the_incentives_that_come_back()
    {
        const string Rules = """
            {
              "WorkflowName": "t",
              "RuleSet": { "id": "t", "version": "1", "source": "t", "issuer": "t", "effectiveFrom": "2022-03-11" },
              "Rules": [
                { "RuleName": "green", "Expression": "true",
                  "Properties": { "code": "incentive.green-channel", "kind": "incentive", "clause": "R6.2", "titleZh": "绿色通道", "titleEn": "Green channel" } },
                { "RuleName": "review", "Expression": "facts.HasBadCreditRecord",
                  "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review", "evidence": ["badCreditRecords"] } }
              ]
            }
            """;
        static RuleSet Load(string json) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "t.json").Value!;
        var comparer = new PolicyComparer(
            new PolicyEvaluator(Load(Rules)),
            new PolicyEvaluator(Load(Rules.Replace("\"Expression\": \"facts.HasBadCreditRecord\"", "\"Expression\": \"facts.ActiveNegativeRecords > 1\"", StringComparison.Ordinal))));
        var profile = ProfileJson.Read("""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},
             "records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2026-01-05"}]}
            """).Value!;

        var change = comparer.Compare(profile, Day);

        Assert.Equal(["incentive.green-channel"], change.Gained.ToArray());
        Assert.Equal(["penalty.key-review"], change.Lost.ToArray());
        Assert.Equal(["penalty.key-review"], change.Because.ToArray()); // the green channel's own rule did not change
        Assert.Contains("incentive.green-channel", Codes(comparer.Before.MatchingRules(profile, Day))); // matched, suppressed by the penalty
        Assert.DoesNotContain("incentive.green-channel", Codes(comparer.Before.EvaluateMeasures(profile, Day)));
    }
}
