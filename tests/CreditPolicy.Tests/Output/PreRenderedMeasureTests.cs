using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Output;

/// <summary>
/// A measure that cites no evidence is written whole from pre-rendered bytes by the library's compact writer
/// (issue 14); every other writer writes it field by field. Both must give the same decision: the compact line
/// equals the indented decision (written field by field) made compact again with the same encoder.
/// </summary>
public sealed class PreRenderedMeasureTests
{
    private static readonly RuleSet Rules = RuleSet.JiaCounty2022No8;
    private static readonly PolicyEvaluator Evaluator = new(Rules, new PolicyEvaluatorOptions { FiledAgencies = new FiledAgencyRegistry([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]) });

    private static string Compacted(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = ProfileJson.Encoder });

    private static bool SameBothWays(AdvisoryDecision decision) =>
        DecisionJson.Write(decision) == Compacted(DecisionJson.Write(decision, new DecisionWriteOptions { Indented = true }));

    [Property(MaxTest = 500)]
    public Property Decisions_written_with_pre_rendered_measures_are_those_written_field_by_field() =>
        Prop.ForAll(
            Arb.From(from profile in Generators.Profiles from day in Generators.Date(Rules.EffectiveFrom, 2200) select (profile, day)),
            t => SameBothWays(Evaluator.Evaluate(t.profile, t.day)));

    [Fact]
    public void Measures_whose_texts_need_escaping_are_written_the_same_both_ways()
    {
        var rules = RuleSet.Load(Encoding.UTF8.GetBytes("""
            {
              "WorkflowName": "test",
              "RuleSet": { "id": "escapes", "version": "1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11" },
              "Rules": [ { "RuleName": "r", "Expression": "facts.CreditChecked",
                "Properties": { "code": "incentive.green-channel", "kind": "incentive", "clause": "R6.2", "titleZh": "“绿色通道” <b>&</b> \"引号\" \\ 反斜杠", "titleEn": "Green <channel> & \"quotes\" \\ \u2028" } } ]
            }
            """), "escapes.json");
        Assert.True(rules.Succeeded, string.Join("\n", rules.Errors));
        var profile = ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20"}""");
        var decision = new PolicyEvaluator(rules.Value!).Evaluate(profile.Value!, new LocalDate(2026, 11, 27));

        Assert.True(Assert.Single(decision.ApplicableMeasures).Evidence.IsEmpty);
        Assert.True(SameBothWays(decision), DecisionJson.Write(decision));
        Assert.Contains("\"evidence\":[]}", DecisionJson.Write(decision), System.StringComparison.Ordinal);
    }
}
