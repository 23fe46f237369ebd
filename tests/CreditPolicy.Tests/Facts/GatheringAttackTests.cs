using System.Collections.Generic;
using System.Linq;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Facts;

/// <summary>
/// Issue 14: the facts are computed by one compilation that gathers evidence and warnings and one that does not;
/// the evidence sort reports whether it met equal ids and only then drops repeats. Both must change nothing.
/// </summary>
public sealed class GatheringAttackTests
{
    private static readonly FiledAgencyRegistry Agencies = new([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);
    private static readonly PolicyEvaluator Evaluator = new(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    private static Arbitrary<(CreditProfile Profile, LocalDate Day)> ProfilesAndDays =>
        Arb.From(from profile in Generators.Profiles from day in Generators.Date(RuleSet.JiaCounty2022No8.EffectiveFrom, 2200) select (profile, day));

    [Property(MaxTest = 400)]
    public Property R2_R3_C1_The_facts_are_the_same_whether_or_not_evidence_and_warnings_are_gathered() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var cutoffs = RuleSet.JiaCounty2022No8.PublicityPolicy.CutoffsOn(t.Day);
            var without = SubjectFacts.Compute(t.Profile, cutoffs, Agencies, null);
            var with = SubjectFacts.Compute(t.Profile, cutoffs, Agencies, EvaluationScratch.Rent());
            var chinese = SubjectFacts.Compute(t.Profile, cutoffs, Agencies, EvaluationScratch.Rent(chinese: true, keepWarnings: false));
            return without.Equals(with) && without.Equals(chinese) && without.Equals(Evaluator.FactsOf(t.Profile, t.Day));
        });

    [Property(MaxTest = 400)]
    public Property R6_R7_EvaluateMeasures_and_MatchingRules_agree_with_Evaluate() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var decision = Evaluator.Evaluate(t.Profile, t.Day);
            var applicable = new List<string>();
            foreach (var d in Evaluator.EvaluateMeasures(t.Profile, t.Day))
            {
                applicable.Add(d.Code);
            }

            var matched = new List<string>();
            foreach (var d in Evaluator.MatchingRules(t.Profile, t.Day))
            {
                matched.Add(d.Code);
            }

            // Every matched rule either applies or was dominated, and a dominated one is named in a warning.
            var dominated = matched.Except(applicable).ToArray();
            return applicable.SequenceEqual(decision.ApplicableMeasures.Select(m => m.Code))
                && applicable.All(matched.Contains)
                && dominated.All(code => decision.Warnings.Any(w => w.Contains(code, StringComparison.Ordinal)));
        });

    /// <summary>What <see cref="EvaluationScratch.Evidence"/> must give: the ids of the chosen sets, each once, sorted ordinally.</summary>
    private static string[] Expected(Dictionary<EvidenceSet, List<string>> sets, List<bool> serious, int mask)
    {
        bool Has(EvidenceSet s) => (mask & (1 << (int)s)) != 0;
        var allNegative = Has(EvidenceSet.ActiveNegativeRecords) || Has(EvidenceSet.BadCreditRecords);
        var ids = new List<string>();
        if (allNegative)
        {
            ids.AddRange(sets[EvidenceSet.ActiveNegativeRecords]);
        }
        else if (Has(EvidenceSet.ActiveSeriousNegativeRecords))
        {
            ids.AddRange(sets[EvidenceSet.ActiveNegativeRecords].Where((_, i) => serious[i]));
        }

        if (Has(EvidenceSet.ActivePositiveRecords)) ids.AddRange(sets[EvidenceSet.ActivePositiveRecords]);
        if (Has(EvidenceSet.BreachedCommitments) || Has(EvidenceSet.BadCreditRecords)) ids.AddRange(sets[EvidenceSet.BreachedCommitments]);
        if (Has(EvidenceSet.CountingReports)) ids.AddRange(sets[EvidenceSet.CountingReports]);
        if (Has(EvidenceSet.FalseCommitments)) ids.AddRange(sets[EvidenceSet.FalseCommitments]);
        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void R7_1_Evidence_is_each_id_once_sorted_ordinally_for_repeats_copies_and_more_than_32_ids()
    {
        // Ids from a small alphabet (many repeats), copied into new string objects (equal content, different references),
        // sets from empty to well over 32 ids (the Array.Sort path), every mask.
        string[] alphabet = ["a", "A", "b", "é", "中", "c-1", "c-10", "c-2", "c1", "0", "Z9", "aa", "a a", "\U0001D538", "ß", "id001", "id002"];
        var random = new Random(14);
        EvidenceSet[] stored = [EvidenceSet.ActiveNegativeRecords, EvidenceSet.ActivePositiveRecords, EvidenceSet.BreachedCommitments, EvidenceSet.CountingReports, EvidenceSet.FalseCommitments];
        for (var round = 0; round < 3000; round++)
        {
            var scratch = EvaluationScratch.Rent();
            var sets = stored.ToDictionary(s => s, _ => new List<string>());
            var serious = new List<bool>();
            var unique = random.Next(3) == 0; // sometimes only distinct ids, sometimes already in order: the no-repeat paths
            var pool = unique ? Enumerable.Range(0, 80).Select(i => $"u{i:D3}").ToList() : null;
            foreach (var set in stored)
            {
                var count = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 4), 2 => random.Next(4, 20), _ => random.Next(20, 45) } / (unique ? 5 : 1);
                for (var i = 0; i < count; i++)
                {
                    string id;
                    if (pool is not null)
                    {
                        var at = random.Next(2) == 0 ? 0 : random.Next(pool.Count);
                        id = pool[at];
                        pool.RemoveAt(at);
                    }
                    else
                    {
                        id = new string(alphabet[random.Next(alphabet.Length)].AsSpan()); // a fresh object each time
                    }

                    sets[set].Add(id);
                    if (set == EvidenceSet.ActiveNegativeRecords)
                    {
                        var isSerious = random.Next(2) == 0;
                        serious.Add(isSerious);
                        scratch.AddNegative(id, isSerious);
                    }
                    else
                    {
                        scratch.Add(set, id);
                    }
                }
            }

            for (var mask = 0; mask < 1 << 8; mask += 2)
            {
                var expected = Expected(sets, serious, mask);
                var actual = scratch.Evidence(mask);
                Assert.Equal(expected, actual.ToArray());
            }
        }
    }

    private static CreditProfile Read(string json)
    {
        var result = ProfileJson.Read(json.ReplaceLineEndings(string.Empty));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    [Fact]
    public void C1_R7_1_A_breach_on_a_commitment_is_cited_once_though_it_is_a_negative_record_and_a_breached_commitment()
    {
        var profile = Read("""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"},"creditCheckedOn":"2026-11-20",
             "records":[{"id":"c0","category":"administrative-penalty","decidedOn":"2026-06-01"}],
             "commitments":[{"id":"c1","type":"proactive-disclosure","matter":"食品经营许可","committedOn":"2026-01-05","signedOn":"2026-01-05","breachedOn":"2026-03-01","falseCommitment":true}]}
            """);
        var decision = Evaluator.Evaluate(profile, new LocalDate(2026, 11, 27));

        Assert.NotEmpty(decision.ApplicableMeasures);
        Assert.All(decision.ApplicableMeasures, m => Assert.Equal(["c0", "c1"], m.Evidence.ToArray()));
    }

    [Fact]
    public void R7_1_More_than_32_bad_records_in_reverse_order_are_cited_each_once_in_order()
    {
        var records = string.Join(",", Enumerable.Range(0, 40).Reverse().Select(i =>
            $$"""{"id":"r{{i:D2}}","category":"administrative-penalty","decidedOn":"2026-06-01"}"""));
        var profile = Read($$"""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20","records":[{{records}}],
             "commitments":[{"id":"c1","type":"proactive-disclosure","matter":"食品经营许可","committedOn":"2026-01-05","signedOn":"2026-01-05","breachedOn":"2026-03-01"}]}
            """);
        var decision = Evaluator.Evaluate(profile, new LocalDate(2026, 11, 27));

        string[] expected = [.. Enumerable.Range(0, 40).Select(i => $"r{i:D2}").Prepend("c1").Order(StringComparer.Ordinal)];
        Assert.All(decision.ApplicableMeasures, m => Assert.Equal(expected, m.Evidence.ToArray()));
    }
}
