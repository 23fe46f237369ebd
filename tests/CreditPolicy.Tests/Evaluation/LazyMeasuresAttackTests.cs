using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Issue 14: a decision kept by <see cref="PolicyEvaluator.EvaluateAll"/> (or written by a stream) whose measures cite at
/// most one evidence array keeps which measures apply and that array, and makes its measures' array when first read.
/// Each measure keeps its own evidence whichever way the decision holds its measures, every reader on every thread
/// gets the same array, and a decision reads and writes as the one <see cref="PolicyEvaluator.Evaluate(CreditProfile, LocalDate)"/> makes.
/// </summary>
public sealed class LazyMeasuresAttackTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly FiledAgencyRegistry Agencies = AttackHelpers.Agencies;
    private static readonly PolicyEvaluator Jia = new(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    // Measures that always apply, citing different evidence, the same evidence apart (m1, m4) and none (m5): a decision
    // then cites several arrays, or one, or none, as the profile has ids in each set.
    private static readonly (string Code, string[] Evidence)[] Mixed =
    [
        ("penalty.m0", ["activeNegativeRecords"]),
        ("penalty.m1", ["activePositiveRecords"]),
        ("penalty.m2", ["countingReports", "breachedCommitments"]),
        ("penalty.m3", ["badCreditRecords"]),
        ("penalty.m4", ["activePositiveRecords"]),
        ("penalty.m5", []),
        ("penalty.m6", ["activeSeriousNegativeRecords", "falseCommitments"]),
    ];

    private static RuleSet Rules(string id, params (string Code, string[] Evidence)[] measures)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            AttackHelpers.WriteRuleSetHeader(w, id);
            w.WriteStartArray("Rules");
            foreach (var (code, evidence) in measures)
            {
                w.WriteStartObject();
                w.WriteString("RuleName", code);
                w.WriteString("Expression", "true");
                AttackHelpers.WriteMeasureProperties(w, code, "penalty", "R7.1", evidence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        var result = RuleSet.Load(buffer.ToArray(), id + ".json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static readonly PolicyEvaluator MixedEvaluator = new(Rules("mixed", Mixed), new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    // Each measure alone: a decision of one measure, whose evidence is that measure's and nothing else's.
    private static readonly PolicyEvaluator[] Alone =
        [.. Mixed.Select((m, i) => new PolicyEvaluator(Rules($"alone-{i}", m), new PolicyEvaluatorOptions { FiledAgencies = Agencies }))];

    /// <summary>The decision as <see cref="PolicyEvaluator.EvaluateAll"/> keeps it: its measures made when first read.</summary>
    private static AdvisoryDecision Kept(PolicyEvaluator evaluator, CreditProfile profile, LocalDate day) => Assert.Single(evaluator.EvaluateAll([profile], day));

    private static Arbitrary<(CreditProfile Profile, LocalDate Day)> ProfilesAndDays =>
        (from profile in Generators.Profiles from day in Generators.Date(new LocalDate(2022, 3, 11), 2200) select (profile, day)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property R7_1_Each_measure_cites_its_own_evidence_whether_the_decision_cites_one_array_or_several() =>
        Prop.ForAll(ProfilesAndDays, sample =>
        {
            var decision = Kept(MixedEvaluator, sample.Profile, sample.Day);
            var json = DecisionJson.Write(decision); // written before the measures' array is made
            Assert.Equal(DecisionJson.Write(MixedEvaluator.Evaluate(sample.Profile, sample.Day)), json);
            var measures = decision.ApplicableMeasures;
            Assert.Equal(Mixed.Select(m => m.Code), measures.Select(m => m.Code));
            for (var i = 0; i < Mixed.Length; i++)
            {
                var alone = Assert.Single(Alone[i].Evaluate(sample.Profile, sample.Day).ApplicableMeasures);
                Assert.Equal(alone.Evidence.ToArray(), measures[i].Evidence.ToArray());
                Assert.Same(measures[i].Definition, MixedEvaluator.RuleSet.Measures.Single(d => d.Code == Mixed[i].Code));
            }

            Assert.Equal(json, DecisionJson.Write(decision));
            var eager = new AdvisoryDecision(decision.Subject, decision.AsOf, decision.RuleSet, measures, decision.RevokedConveniences, decision.Warnings);
            Assert.Equal(json, DecisionJson.Write(eager));
            Assert.True(Mixed.All(m => decision.IsApplicable(m.Code)));
        });

    [Fact]
    public void R7_1_The_mixed_rules_meet_decisions_citing_no_array_one_array_and_several()
    {
        // The property above is only as good as its samples: they must reach both ways of keeping measures.
        var cited = Generators.Profiles.Sample(400)
            .Select(p => Kept(MixedEvaluator, p, Day).ApplicableMeasures
                .Select(m => ImmutableCollectionsMarshal.AsArray(m.Evidence)).Where(a => a!.Length > 0).Distinct().Count())
            .ToHashSet();
        Assert.Contains(0, cited);
        Assert.Contains(1, cited);
        Assert.Contains(cited, c => c >= 2);
    }

    [Fact]
    public void R7_1_Many_threads_reading_a_decisions_measures_first_all_get_one_array()
    {
        var profile = Generators.Profiles.Sample(200).First(p => Jia.Evaluate(p, Day).ApplicableMeasures.Length >= 2);
        const int Threads = 8;
        for (var round = 0; round < 300; round++)
        {
            var decision = Kept(Jia, profile, Day);
            var arrays = AttackHelpers.ReadTogether(Threads, () => ImmutableCollectionsMarshal.AsArray(decision.ApplicableMeasures)!);

            Assert.All(arrays, a => Assert.Same(arrays[0], a));
            Assert.Same(arrays[0], ImmutableCollectionsMarshal.AsArray(decision.ApplicableMeasures));
        }
    }

    [Fact]
    public void R6_R7_Batches_on_many_threads_read_and_write_what_one_evaluation_at_a_time_does()
    {
        CreditProfile[] profiles = [.. Generators.Profiles.Sample(600)];
        string[] expected = [.. profiles.Select(p => DecisionJson.Write(Jia.Evaluate(p, Day)))];
        string[][] codes = [.. profiles.Select(p => Jia.Evaluate(p, Day).ApplicableMeasures.Select(m => m.Code).ToArray())];

        var all = Jia.EvaluateAll(profiles, Day, maxDegreeOfParallelism: 8);
        Assert.Equal(expected, all.Select(d => DecisionJson.Write(d)));
        var read = new ConcurrentBag<int>();
        Parallel.For(0, all.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var decision = all[i % all.Length];
            Assert.Equal(codes[i % all.Length], decision.ApplicableMeasures.Select(m => m.Code));
            read.Add(i);
        });
        Assert.Equal(all.Length * 4, read.Count);
        Assert.Equal(expected, all.Select(d => DecisionJson.Write(d)));
    }
}
