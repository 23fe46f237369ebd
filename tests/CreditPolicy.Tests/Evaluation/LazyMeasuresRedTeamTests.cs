using System.Buffers;
using System.Collections.Immutable;
using System.IO;
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
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using CreditPolicy.Subjects;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Red team for issue 14's lazy measures: a decision kept by <see cref="PolicyEvaluator.EvaluateAll"/> or written by the
/// stream reads, writes and prints as the one <see cref="PolicyEvaluator.Evaluate(CreditProfile, LocalDate)"/> makes, for
/// the shipped rule sets, their compositions and a rule file of 64 enabled rules whose evidence sets repeat apart, are
/// empty, and whose incentives penalties dominate; and a batch gives back no profile byte in the arrays it pooled (R8).
/// </summary>
public sealed class LazyMeasuresRedTeamTests
{
    private static readonly FiledAgencyRegistry Agencies = AttackHelpers.Agencies;

    private static readonly string[] Sets = AttackHelpers.EvidenceSets;

    // Evidence the measures ask for: none, one set, two sets, and the same sets apart in clause/code order.
    private static readonly string[][] Evidences =
    [
        [], [Sets[0]], [Sets[2]], [Sets[4]], [Sets[5], Sets[3]], [Sets[1], Sets[6]], [Sets[2]], [Sets[4]], [Sets[3], Sets[0]],
    ];

    private static readonly string[] Conditions =
    [
        "true", "facts.HasBadCreditRecord", "facts.ActivePositiveRecords > 0", "facts.CountingReports > 0",
        "facts.BreachedCommitments > 0", "facts.ActiveNegativeRecords > 1", "!facts.HasBadCreditRecord",
        "facts.EnjoyedConveniences > 0", "facts.ActiveFalseCommitments > 0", "facts.CreditChecked",
    ];

    private static readonly string[] Conveniences = ["priority-support", "green-channel", "acceptance-with-missing-materials"];

    /// <summary>
    /// A rule file of <paramref name="count"/> enabled rules (and one disabled), penalties and incentives mixed, codes
    /// numbered out of order so that equal evidence sets are not adjacent in clause, then code order.
    /// </summary>
    private static RuleSet Stress(string id, int count, int seed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            AttackHelpers.WriteRuleSetHeader(w, id);
            w.WriteStartArray("Rules");
            for (var i = 0; i <= count; i++)
            {
                var penalty = ((i * 7) + seed) % 5 < 3;
                var condition = Conditions[((i * 3) + seed) % Conditions.Length];
                if (penalty && condition is "true" or "!facts.HasBadCreditRecord" or "facts.CreditChecked" or "facts.ActivePositiveRecords > 0" or "facts.CountingReports > 0")
                {
                    condition = "facts.HasBadCreditRecord";
                }

                w.WriteStartObject();
                w.WriteString("RuleName", $"{id} rule {i}");
                w.WriteString("Expression", i == count ? "true" : condition);
                w.WriteBoolean("Enabled", i != count);
                AttackHelpers.WriteMeasureProperties(
                    w,
                    $"{(penalty ? "penalty" : "incentive")}.{id}-{(i * 37) % (count + 1):D2}",
                    penalty ? "penalty" : "incentive",
                    penalty ? $"R7.{1 + ((i + seed) % 3)}" : $"R6.{1 + ((i + seed) % 3)}",
                    Evidences[((i * 5) + seed) % Evidences.Length],
                    penalty && i % 4 == 0 ? Conveniences.Take(1 + (i % 3)) : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        var result = RuleSet.Load(buffer.ToArray(), id + ".json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static RuleSet Composed(params RuleSet[] sets)
    {
        var result = RuleSet.Compose(sets);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static readonly RuleSet Stress64 = Stress("stress", 64, 1);

    private static readonly PolicyEvaluator[] Evaluators =
    [
        .. new[]
        {
            RuleSet.JiaCounty2022No8,
            Composed(RuleSet.JiaCounty2022No8, RuleSet.StateCouncilOffice2020No42),
            Composed(RuleSet.StateCouncilOffice2019No35, RuleSet.StateCouncilOffice2020No42, RuleSet.JiaCounty2022No8),
            Stress64,
            Composed(Stress("left", 20, 3), Stress("right", 30, 2)),
            Composed(RuleSet.StateCouncilOffice2020No42, Stress("county", 24, 4), RuleSet.JiaCounty2022No8),
        }.Select(set => new PolicyEvaluator(set, new PolicyEvaluatorOptions { FiledAgencies = Agencies })),
    ];

    private static readonly DecisionWriteOptions[] Writes =
    [
        DecisionWriteOptions.Default,
        DecisionWriteOptions.Default with { Indented = true },
        DecisionWriteOptions.Default with { Mask = new IdentityMask(0, 0, '#') },
        DecisionWriteOptions.Default with { Mask = new IdentityMask(1, 1, 'x'), Indented = true },
    ];

    private static Arbitrary<(CreditProfile Profile, LocalDate Day, int Evaluator)> Samples =>
        (from profile in Generators.Profiles
         from day in Generators.Date(new LocalDate(2022, 3, 11), 2200)
         from evaluator in Gen.Choose(0, Evaluators.Length - 1)
         select (profile, day, evaluator)).ToArbitrary();

    /// <summary>Every way a decision is read, in one string.</summary>
    private static string[] Reading(AdvisoryDecision decision, PolicyEvaluator evaluator) =>
    [
        .. Writes.Select(o => DecisionJson.Write(decision, o)),
        decision.ToString(),
        string.Join("|", decision.Warnings),
        string.Join("|", decision.RevokedConveniences),
        string.Join("|", evaluator.RuleSet.Measures.Select(m => decision.IsApplicable(m.Code) ? m.Code : "-")),
        string.Join("|", decision.ApplicableMeasures.Select(m => $"{m.Clause} {m.Code} {m.Kind} [{string.Join(",", m.Evidence)}]")),
    ];

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property R6_R7_R8_A_kept_decision_reads_writes_and_prints_as_the_decision_Evaluate_makes_under_every_rule_set_and_composition() =>
        Prop.ForAll(Samples, sample =>
        {
            var evaluator = Evaluators[sample.Evaluator];
            var eager = evaluator.Evaluate(sample.Profile, sample.Day);
            var kept = Assert.Single(evaluator.EvaluateAll([sample.Profile], sample.Day));

            // Written and printed before its measures' array is made (JSON, IsApplicable), and again after.
            var before = Writes.Select(o => DecisionJson.Write(kept, o)).ToArray();
            var applicable = evaluator.RuleSet.Measures.Select(m => kept.IsApplicable(m.Code)).ToArray();
            var expected = Reading(eager, evaluator);
            Assert.Equal(expected.Take(Writes.Length), before);
            Assert.Equal(evaluator.RuleSet.Measures.Select(m => eager.IsApplicable(m.Code)), applicable);
            Assert.Equal(expected, Reading(kept, evaluator));
            Assert.Equal(eager.ApplicableMeasures.ToArray(), kept.ApplicableMeasures.ToArray());
            Assert.Equal(eager.ApplicableMeasures.Select(m => m.Definition), kept.ApplicableMeasures.Select(m => m.Definition), System.Collections.Generic.ReferenceEqualityComparer.Instance);
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property R7_1_Each_measure_of_a_kept_decision_cites_what_its_rule_alone_would_cite() =>
        Prop.ForAll(Samples, sample =>
        {
            // The oracle that does not go through Decide's choice of one array: each applicable measure's evidence is
            // the evidence of a one-rule decision, through EvaluateMeasures (which measures apply) alone.
            var evaluator = Evaluators[sample.Evaluator];
            var kept = Assert.Single(evaluator.EvaluateAll([sample.Profile], sample.Day));
            var codes = new System.Collections.Generic.List<string>();
            foreach (var m in evaluator.EvaluateMeasures(sample.Profile, sample.Day))
            {
                codes.Add(m.Code);
            }

            Assert.Equal(codes, kept.ApplicableMeasures.Select(m => m.Code));
            foreach (var measure in kept.ApplicableMeasures)
            {
                Assert.All(measure.Evidence, id => Assert.False(string.IsNullOrEmpty(id)));
                Assert.Equal(measure.Evidence.OrderBy(e => e, StringComparer.Ordinal).Distinct(), measure.Evidence);
                Assert.True(!measure.Definition.Evidence.IsEmpty || measure.Evidence.IsEmpty, "a measure asking for no evidence cites some");
            }

            var byMask = kept.ApplicableMeasures.GroupBy(m => string.Join(",", m.Definition.Evidence.Select(s => s.ToString()).Order(StringComparer.Ordinal)));
            Assert.All(byMask, g => Assert.Single(g.Select(m => string.Join(",", m.Evidence)).Distinct()));
        });

    [Fact]
    public void R7_1_The_stress_rules_meet_decisions_citing_no_array_one_array_and_several_with_64_rules_and_dominated_incentives()
    {
        var evaluator = Evaluators[3];
        Assert.Equal(64, evaluator.RuleSet.Compiled.Length);
        var decisions = evaluator.EvaluateAll([.. Generators.Profiles.Sample(400)], new LocalDate(2026, 11, 27));
        var cited = decisions.Select(d => d.ApplicableMeasures.Select(m => ImmutableCollectionsMarshal.AsArray(m.Evidence)).Where(a => a!.Length > 0).Distinct().Count()).ToHashSet();
        Assert.Contains(0, cited);
        Assert.Contains(1, cited);
        Assert.Contains(cited, c => c >= 2);
        Assert.Contains(decisions, d => d.Warnings.Any(w => w.Contains("incentive", StringComparison.Ordinal)));
        Assert.Contains(decisions, d => !d.RevokedConveniences.IsEmpty);

        // The last bit (63) of the evaluation order is reached.
        var last = evaluator.RuleSet.Compiled.Select(c => c.Definition).OrderBy(d => d.Clause).ThenBy(d => d.Code, StringComparer.Ordinal).Last();
        Assert.Contains(decisions, d => d.IsApplicable(last.Code) && d.ApplicableMeasures.Any(m => ReferenceEquals(m.Definition, last)));
    }

    [Fact]
    public void R6_R7_A_profile_with_no_records_decides_alike_kept_or_not()
    {
        var profile = Generators.Profiles.Sample(200).First(p => p.Records.IsEmpty && p.Reports.IsEmpty && p.Commitments.IsEmpty);
        foreach (var evaluator in Evaluators)
        {
            var day = new LocalDate(2026, 11, 27);
            var kept = Assert.Single(evaluator.EvaluateAll([profile], day));
            Assert.Equal(Reading(evaluator.Evaluate(profile, day), evaluator), Reading(kept, evaluator));
            Assert.All(kept.ApplicableMeasures, m => Assert.True(m.Evidence.IsEmpty));
        }
    }

    [Fact]
    public void R7_1_Threads_racing_to_read_write_and_ask_a_kept_decision_all_see_one_array_and_one_text()
    {
        var evaluator = Evaluators[3];
        var day = new LocalDate(2026, 11, 27);
        var profiles = Generators.Profiles.Sample(300).Where(p => evaluator.Evaluate(p, day).ApplicableMeasures.Length >= 3).Take(20).ToArray();
        Assert.NotEmpty(profiles);
        foreach (var profile in profiles)
        {
            var expected = DecisionJson.Write(evaluator.Evaluate(profile, day));
            for (var round = 0; round < 20; round++)
            {
                var decision = Assert.Single(evaluator.EvaluateAll([profile], day));
                var reads = AttackHelpers.ReadTogether(6, () =>
                {
                    var json = DecisionJson.Write(decision);
                    var array = ImmutableCollectionsMarshal.AsArray(decision.ApplicableMeasures)!;
                    return (json, array, again: DecisionJson.Write(decision));
                });
                Assert.All(reads, r => Assert.Same(reads[0].array, r.array));
                Assert.All(reads, r => Assert.Equal(expected, r.json));
                Assert.All(reads, r => Assert.Equal(expected, r.again));
            }
        }
    }

    [Fact]
    public async Task R6_R7_R8_The_stream_writes_what_Evaluate_writes_under_every_rule_set_indented_or_not_masked_or_not()
    {
        CreditProfile[] profiles = [.. Generators.Profiles.Sample(300)];
        var day = new LocalDate(2026, 11, 27);
        var input = Encoding.UTF8.GetBytes(string.Concat(profiles.Select(p => ProfileJson.Write(p, new ProfileWriteOptions { RevealPersonalIdentifiers = true }).ReplaceLineEndings(string.Empty) + "\n")));
        foreach (var evaluator in Evaluators)
        {
            foreach (var write in Writes)
            {
                using var output = new MemoryStream();
                var rejected = new System.Collections.Concurrent.ConcurrentBag<int>(); // profiles the generator makes that the reader refuses: not this test's concern
                var summary = await DecisionPipeline.EvaluateAsync(new MemoryStream(input), output, evaluator, day, new DecisionPipelineOptions { Write = write, MaxDegreeOfParallelism = 2, OnRejected = r => rejected.Add(r.Line) });
                Assert.Equal(profiles.Length - rejected.Count, summary.Evaluated);
                Assert.True(summary.Evaluated > profiles.Length * 9 / 10);
                var expected = string.Concat(profiles.Where((_, i) => !rejected.Contains(i + 1)).Select(p => DecisionJson.Write(evaluator.Evaluate(p, day), write) + "\n"));
                Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void R8_A_batch_whose_lines_exactly_fill_or_just_overflow_its_array_gives_back_no_profile_byte(int extra)
    {
        // Lines of one identity number that fill the first array to its last byte (extra 0), leave one byte (-1), or
        // overflow it by one (1): the batch grows, and every array it gives back holds none of the number (R8).
        var id = "11010519491231002X"u8.ToArray();
        var cached = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var batch = new LineBatch();
            var line = Enumerable.Repeat(id, 64).SelectMany(b => b).ToArray(); // 1,152 bytes
            var total = 0;
            var lines = 0;
            while (total + line.Length <= 64 * 1024)
            {
                batch.Add(line, ++lines);
                total += line.Length;
            }

            var tail = (64 * 1024) - total + extra;
            if (tail > 0)
            {
                batch.Add(line.AsSpan(0, tail), ++lines);
            }

            batch.Add(id, ++lines); // one more: the first array (if full) is given back
            var given = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                Assert.True(given.AsSpan().IndexOf(id) < 0, "an identity number is in an array a batch gave back");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(given);
            }

            Assert.Equal(id, batch[lines - 1].ToArray());
            batch.Release();
            var released = ArrayPool<byte>.Shared.Rent(128 * 1024);
            try
            {
                Assert.True(released.AsSpan().IndexOf(id) < 0, "an identity number is in the array a released batch gave back");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(released);
            }

            batch.Release(); // twice: nothing more given back, nothing thrown
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cached);
        }
    }
}
