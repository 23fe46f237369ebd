using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Issue 14: a decision keeps a lone warning as its text and makes the array when first read. Every reader on every
/// thread gets the same array, a decision reads and writes the same before and after, and batches are unchanged.
/// </summary>
public sealed class LoneWarningAttackTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly FiledAgencyRegistry Agencies = AttackHelpers.Agencies;
    private static readonly PolicyEvaluator English = new(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    // One warning: an expired report (TP) whose id is a resident identity number, so the warning itself is masked (R8).
    private const string LoneJson = """
        {"subject":{"name":"张三","kind":"natural-person","idType":"resident-id","id":"11010519491231002X"},"creditCheckedOn":"2026-11-20",
         "reports":[{"id":"11010519491231002X","kind":"personal","source":"credit-reference-center","issuedOn":"2024-01-02","validUntil":"2025-01-01"}]}
        """;

    private static readonly DecisionWriteOptions Unmasked = new() { Mask = new CreditPolicy.Subjects.IdentityMask(0, 0, '#'), Indented = true };

    private static CreditProfile Lone() => ProfileJson.Read(LoneJson.ReplaceLineEndings(string.Empty)).Value!;

    [Fact]
    public void TP_Many_threads_reading_a_lone_warning_first_all_get_one_array_and_never_fail()
    {
        var profile = Lone();
        const int Threads = 8;
        for (var round = 0; round < 300; round++)
        {
            var decision = English.Evaluate(profile, Day);
            Assert.NotNull(decision.LoneWarning);
            var arrays = AttackHelpers.ReadTogether(Threads, () => ImmutableCollectionsMarshal.AsArray(decision.Warnings)!);

            Assert.All(arrays, a => Assert.Same(arrays[0], a));
            Assert.Single(arrays[0]);
            Assert.Same(arrays[0], ImmutableCollectionsMarshal.AsArray(decision.Warnings));
            Assert.Null(decision.LoneWarning); // the array, once made, is what the decision keeps
        }
    }

    [Fact]
    public void R8_TP_A_decision_is_written_the_same_before_and_after_its_lone_warning_array_is_made_masked_or_not()
    {
        var decision = English.Evaluate(Lone(), Day);
        var masked = DecisionJson.Write(decision);
        var unmasked = DecisionJson.Write(decision, Unmasked);
        var warning = decision.LoneWarning;

        _ = decision.Warnings;

        Assert.Null(decision.LoneWarning);
        Assert.Equal(warning, Assert.Single(decision.Warnings));
        Assert.DoesNotContain("11010519491231002X", masked, StringComparison.Ordinal);
        Assert.Contains("11010519491231002X", warning!, StringComparison.Ordinal);
        Assert.Equal(masked, DecisionJson.Write(decision));
        Assert.Equal(unmasked, DecisionJson.Write(decision, Unmasked));
    }

    [Fact]
    public void A_decision_made_with_a_default_or_empty_warnings_array_has_none_and_writes_an_empty_list()
    {
        var like = English.Evaluate(Lone(), Day);
        foreach (var warnings in new[] { default, ImmutableArray<string>.Empty })
        {
            var decision = new AdvisoryDecision(like.Subject, like.AsOf, English.RuleSet, like.ApplicableMeasures, like.RevokedConveniences, warnings);

            Assert.False(decision.Warnings.IsDefault);
            Assert.Empty(decision.Warnings);
            Assert.Null(decision.LoneWarning);
            Assert.Contains("\"warnings\":[]", DecisionJson.Write(decision), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_decision_made_with_a_one_warning_array_reads_and_writes_like_one_made_with_the_warning_alone()
    {
        var like = English.Evaluate(Lone(), Day);
        var lone = like.LoneWarning!;
        var fromArray = new AdvisoryDecision(like.Subject, like.AsOf, English.RuleSet, like.ApplicableMeasures, like.RevokedConveniences, [lone]);
        var fromText = new AdvisoryDecision(like.Subject, like.AsOf, English.RuleSet, like.ApplicableMeasures, like.RevokedConveniences, (object)lone);

        Assert.Equal(DecisionJson.Write(like), DecisionJson.Write(fromArray));
        Assert.Equal(DecisionJson.Write(like), DecisionJson.Write(fromText));
        Assert.Equal(fromArray.Warnings.ToArray(), fromText.Warnings.ToArray());
        Assert.True(fromText.Warnings == fromText.Warnings); // ImmutableArray equality is the array's identity: the same one every read
    }

    [Fact]
    public void Batches_on_many_threads_write_what_one_evaluation_at_a_time_writes()
    {
        // A quarter of the batch is the lone-warning profile itself: the same items in many decisions at once.
        var generated = Generators.Profiles.Sample(600).ToArray();
        CreditProfile[] profiles = [.. generated.Select((p, i) => i % 4 == 0 ? Lone() : p)];
        string[] expected = [.. profiles.Select(p => DecisionJson.Write(English.Evaluate(p, Day)))];

        var all = English.EvaluateAll(profiles, Day, maxDegreeOfParallelism: 8);
        var each = new ConcurrentDictionary<int, AdvisoryDecision>();
        English.EvaluateEach(profiles, Day, (i, d) => Assert.True(each.TryAdd(i, d)), maxDegreeOfParallelism: 8);

        // Read the warnings of the batch's decisions from several threads before writing them.
        Parallel.For(0, all.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => _ = all[i % all.Length].Warnings.Length);
        Assert.Equal(expected, all.Select(d => DecisionJson.Write(d)));
        Assert.Equal(expected, Enumerable.Range(0, profiles.Length).Select(i => DecisionJson.Write(each[i])));
        Assert.Equal(
            profiles.Select(p => Codes(English.EvaluateMeasures(p, Day))),
            English.EvaluateAllMeasures(profiles, Day, 8).Select(Codes));
    }

    [Fact]
    public void A_comparison_and_the_rule_cases_are_unchanged_by_how_warnings_are_kept()
    {
        var composed = RuleSet.Compose([RuleSet.StateCouncilOffice2020No42, RuleSet.JiaCounty2022No8]).Value!;
        var comparer = new PolicyComparer(English, new PolicyEvaluator(composed, new PolicyEvaluatorOptions { FiledAgencies = Agencies }));
        var comparison = comparer.Compare(Lone(), Day);
        Assert.NotNull(comparison);

        Assert.All(English.RunCases(), r => Assert.True(r.Passed, r.ToString()));
    }

    private static string Codes(ApplicableMeasureSet set)
    {
        var codes = new System.Collections.Generic.List<string>();
        foreach (var m in set)
        {
            codes.Add(m.Code);
        }

        return string.Join(",", codes);
    }
}
