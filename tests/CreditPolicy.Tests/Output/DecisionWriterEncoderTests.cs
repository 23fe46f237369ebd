using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Output;

/// <summary>
/// Red-team (issue 14 review): <see cref="DecisionJson.Write(Utf8JsonWriter, AdvisoryDecision, DecisionWriteOptions?)"/>
/// writes into the caller's writer, whose encoder decides how text is escaped (CreditPolicyJson.AddConverters: "the
/// default encoder escapes Chinese as \uXXXX"). Since c8722fd the rule set's id and version are written from text
/// encoded once with the library's relaxed encoder, whatever the writer's: an HTML-safe writer gets a raw <c>&lt;</c>
/// from a rule file, where b930f35~1 wrote <c>\u003C</c>.
/// </summary>
public sealed class DecisionWriterEncoderTests
{
    private const string RulesFile = """
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "本地<规则>", "version": "1.0</script>", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11" },
          "Rules": [ { "RuleName": "r", "Expression": "facts.HasBadCreditRecord",
            "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
        }
        """;

    private static AdvisoryDecision Decision(string rulesFile = RulesFile)
    {
        var rules = RuleSet.Load(Encoding.UTF8.GetBytes(rulesFile), "local.json");
        Assert.True(rules.Succeeded, string.Join("\n", rules.Errors));
        var profile = ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20"}""");
        return new PolicyEvaluator(rules.Value!).Evaluate(profile.Value!, new LocalDate(2026, 11, 27));
    }

    private static string Write(AdvisoryDecision decision, JavaScriptEncoder encoder)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            DecisionJson.Write(writer, decision);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_rule_sets_id_and_version_are_escaped_by_the_callers_writer_like_every_other_text()
    {
        var decision = Decision();

        // Written first with the library's own encoder (the tool's output), then into an HTML-safe writer.
        Assert.Contains("\"version\":\"1.0</script>\"", DecisionJson.Write(decision), StringComparison.Ordinal);
        var safe = Write(decision, JavaScriptEncoder.Default);

        Assert.DoesNotContain("</script>", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("<规则>", safe, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.0\\u003C/script\\u003E\"", safe, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"\\u672C\\u5730\\u003C\\u89C4\\u5219\\u003E\"", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measures_texts_are_escaped_by_the_callers_writer_too()
    {
        var file = RulesFile
            .Replace("facts.HasBadCreditRecord", "facts.ActiveNegativeRecords == 0", StringComparison.Ordinal)
            .Replace("\"titleEn\": \"Key review\"", "\"titleEn\": \"Key <b>review</b>\"", StringComparison.Ordinal);
        var decision = Decision(file);
        Assert.Single(decision.ApplicableMeasures);

        Assert.Contains("\"titleEn\":\"Key <b>review</b>\"", DecisionJson.Write(decision), StringComparison.Ordinal);
        var safe = Write(decision, JavaScriptEncoder.Default);

        Assert.DoesNotContain("<b>", safe, StringComparison.Ordinal);
        Assert.Contains("\"titleEn\":\"Key \\u003Cb\\u003Ereview\\u003C/b\\u003E\"", safe, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"\\u91CD\\u70B9\\u5BA1\\u67E5\"", safe, StringComparison.Ordinal);
    }
}
