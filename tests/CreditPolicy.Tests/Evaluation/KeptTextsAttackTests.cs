using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Red-team (issue 14 review): warnings kept beside records, reports and commitments (KeptTexts) and the decision
/// writer's last rule set (EncodedRuleSet) never answer for another language, publicity regime, committer, rule set
/// or mask, one thread or many. These held.
/// </summary>
public sealed class KeptTextsAttackTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly LocalDate[] Days = [Day, new(2026, 3, 1), new(2026, 9, 1), new(2027, 1, 1)];

    // A local policy: six months for general penalties and breaches, so the same records are capped by another regime with another source.
    private const string RulesFile = """
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "local", "version": "1", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11",
              "publicityPolicy": { "id": "local", "regimes": [
                { "id": "strict", "source": "某县规定", "effectiveFrom": "2022-01-01",
                  "maxima": { "administrative-penalty": { "general": "P6M" }, "commitment-breach": { "general": "P6M" } } } ] } },
          "Rules": [ { "RuleName": "r", "Expression": "facts.HasBadCreditRecord",
            "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
        }
        """;

    private const string Json = """
        {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20",
         "records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2025-06-01","publicUntil":"2028-05-31"},
                    {"id":"p2","category":"administrative-penalty","severity":"minor","decidedOn":"2026-06-01","publicUntil":"2027-05-31"}],
         "reports":[{"id":"r1","kind":"enterprise","source":"credit-reference-center","issuedOn":"2024-01-02","validUntil":"2025-01-01"}],
         "commitments":[{"id":"c1","type":"proactive-disclosure","matter":"食品经营许可","committedOn":"2025-01-05","signedOn":"2025-01-05","breachedOn":"2025-12-01"}]}
        """;

    private static RuleSet Local()
    {
        var rules = RuleSet.Load(Encoding.UTF8.GetBytes(RulesFile), "local.json");
        Assert.True(rules.Succeeded, string.Join("\n", rules.Errors));
        return rules.Value!;
    }

    private static CreditProfile Profile()
    {
        var result = ProfileJson.Read(Json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static PolicyEvaluator[] Evaluators()
    {
        var zh = new PolicyEvaluatorOptions { Culture = CultureInfo.GetCultureInfo("zh-CN") };
        var local = Local();
        return [new(RuleSet.JiaCounty2022No8), new(RuleSet.JiaCounty2022No8, zh), new(local), new(local, zh)];
    }

    [Fact]
    public void R2_C4_The_same_items_in_turn_under_two_regimes_two_languages_and_three_committers_say_what_fresh_items_say()
    {
        var evaluators = Evaluators();
        var profile = Profile();
        for (var round = 0; round < 3; round++)
        {
            foreach (var evaluator in evaluators)
            {
                foreach (var day in Days)
                {
                    var fresh = evaluator.Evaluate(Profile(), day).Warnings;
                    var kept = evaluator.Evaluate(profile, day).Warnings;
                    Assert.True(fresh.SequenceEqual(kept), $"round {round}, {evaluator.RuleSet.Id}, {day}:\n{string.Join("\n", fresh)}\n---\n{string.Join("\n", kept)}");
                }
            }
        }

        var commitment = profile.Commitments[0];
        Subject[] committers =
        [
            new("甲", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.Uscc, "914403001922038216"), "郏县市场监督管理局"),
            new("乙", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.Other, "P12345")),
            new("丙", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.Uscc, "914403001922038216")),
        ];
        foreach (var evaluator in evaluators)
        {
            foreach (var committer in committers.Concat(committers.Reverse()))
            {
                Assert.Equal(
                    evaluator.Evaluate(new CreditProfile(committer, null, null, [Profile().Commitments[0]]), Day).Warnings.ToArray(),
                    evaluator.Evaluate(new CreditProfile(committer, null, null, [commitment]), Day).Warnings.ToArray());
            }
        }
    }

    [Fact]
    public void R2_C4_Many_threads_mixing_languages_regimes_and_days_on_the_same_items_get_the_right_warnings()
    {
        var evaluators = Evaluators();
        var profiles = Enumerable.Repeat(Profile(), 50).ToArray();
        var expected = evaluators.Select(e => Days.Select(d => e.Evaluate(Profile(), d).Warnings.ToArray()).ToArray()).ToArray();
        var wrong = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (e, d) = (i % 4, i / 4 % Days.Length);
            foreach (var decision in evaluators[e].EvaluateAll(profiles, Days[d], 3))
            {
                if (!decision.Warnings.SequenceEqual(expected[e][d]))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void R8_Decisions_written_on_many_threads_alternating_rule_sets_and_masks_are_each_their_own()
    {
        var profile = Profile();
        AdvisoryDecision[] decisions = [new PolicyEvaluator(RuleSet.JiaCounty2022No8).Evaluate(profile, Day), new PolicyEvaluator(Local()).Evaluate(profile, Day)];
        DecisionWriteOptions[] masks = [DecisionWriteOptions.Default, new() { Mask = new IdentityMask(0, 0, '#') }, new() { Mask = new IdentityMask(3, 1, '×') }];
        var expected = decisions.Select(d => masks.Select(m => DecisionJson.Write(d, m)).ToArray()).ToArray();
        var wrong = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (DecisionJson.Write(decisions[i % 2], masks[i / 2 % 3]) != expected[i % 2][i / 2 % 3])
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }
}
