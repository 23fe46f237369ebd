using System.Globalization;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// A warning about a record, report or commitment is made once and kept on the item (issue 14: decisions that are
/// cheap to keep share it), and never crosses from one language to the other.
/// </summary>
public sealed class SharedWarningTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly PolicyEvaluator English = new(RuleSet.JiaCounty2022No8);
    private static readonly PolicyEvaluator Chinese = new(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Culture = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false) });

    // No supervising department: the commitment's letter has a gap (C4). A capped publicity period (R2) and an expired report (TP).
    private const string Json = """
        {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20",
         "records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2025-06-01","publicUntil":"2028-05-31"}],
         "reports":[{"id":"r1","kind":"enterprise","source":"credit-reference-center","issuedOn":"2024-01-02","validUntil":"2025-01-01"}],
         "commitments":[{"id":"c1","type":"proactive-disclosure","matter":"食品经营许可","committedOn":"2026-01-05","signedOn":"2026-01-05"}]}
        """;

    private static CreditProfile Profile()
    {
        var result = ProfileJson.Read(Json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    [Fact]
    public void R2_TP_C4_Every_decision_about_the_same_items_shares_their_warnings()
    {
        var profile = Profile();
        var first = English.Evaluate(profile, Day);
        var second = English.Evaluate(profile, Day);

        Assert.Equal(3, first.Warnings.Length);
        Assert.Equal(3, first.Warnings.Distinct().Count());
        Assert.All(first.Warnings.Zip(second.Warnings), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void R2_TP_C4_A_stream_makes_its_warnings_afresh_and_writes_the_same_decisions()
    {
        // The pipeline keeps nothing beside items it meets once; what it writes is what a kept evaluation writes.
        var line = System.Text.Encoding.UTF8.GetBytes(Json.ReplaceLineEndings(string.Empty) + "\n");
        using var output = new System.IO.MemoryStream();
        CreditPolicy.Streaming.DecisionPipeline.Evaluate(new System.IO.MemoryStream(line), output, English, Day);

        Assert.Equal(CreditPolicy.Output.DecisionJson.Write(English.Evaluate(Profile(), Day)) + "\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void R2_TP_C4_A_kept_warning_never_answers_for_the_other_language()
    {
        var profile = Profile();
        string[] english = [.. English.Evaluate(profile, Day).Warnings];
        string[] chinese = [.. Chinese.Evaluate(profile, Day).Warnings];
        string[] englishAgain = [.. English.Evaluate(profile, Day).Warnings];

        // The same items, asked in each language in turn, say what fresh items say in that language.
        Assert.Equal([.. English.Evaluate(Profile(), Day).Warnings], english);
        Assert.Equal([.. Chinese.Evaluate(Profile(), Day).Warnings], chinese);
        Assert.Equal(english, englishAgain);
        Assert.Empty(english.Intersect(chinese));
        Assert.All(chinese, warning => Assert.Contains(warning, c => c is >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public void TP_A_lone_warning_is_one_array_for_every_reader_and_is_written_like_any_other()
    {
        // One warning (an expired report, TP): the decision keeps the text and makes its array once, when first asked.
        var profile = ProfileJson.Read("""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"},"creditCheckedOn":"2026-11-20",
             "reports":[{"id":"r1","kind":"enterprise","source":"credit-reference-center","issuedOn":"2024-01-02","validUntil":"2025-01-01"}]}
            """.ReplaceLineEndings(string.Empty)).Value!;
        var written = CreditPolicy.Output.DecisionJson.Write(English.Evaluate(profile, Day)); // before any array is made
        var decision = English.Evaluate(profile, Day);

        var readers = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8).Select(_ => decision.Warnings).ToArray();

        var warning = Assert.Single(readers[0]);
        Assert.Contains("r1", warning, System.StringComparison.Ordinal);
        Assert.All(readers, r => Assert.Same(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(readers[0]), System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(r)));
        Assert.Equal(written, CreditPolicy.Output.DecisionJson.Write(decision));
        Assert.Contains("\"warnings\":[\"" + warning + "\"]", written, System.StringComparison.Ordinal);
    }
}
