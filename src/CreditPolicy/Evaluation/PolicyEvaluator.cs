using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>
/// Evaluates profiles against a rule set: computes the facts once per subject as of a day, runs every
/// enabled rule's compiled predicate, and returns an <see cref="AdvisoryDecision"/> that cites clause and
/// evidence for each applicable measure.
/// </summary>
/// <remarks>
/// Penalties dominate incentives: when any penalty applies, no incentive does (an incentive rule that still
/// matched is named in a warning). R7.3 cancels each convenience the subject enjoys that the measure lists.
/// Deterministic: the same profile, day and rule set always give the same decision, whatever the order of
/// the profile's items (evidence ids and warnings are sorted ordinally; revoked conveniences follow the
/// rule's <c>revokes</c> order). Immutable and thread-safe: build one and share it.
/// </remarks>
public sealed class PolicyEvaluator
{
    /// <summary>China Standard Time, the zone of every legal date.</summary>
    public static readonly DateTimeZone ChinaStandardTime = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly CompiledMeasure[] _measures;
    private readonly FiledAgencyRegistry _agencies;
    private readonly IClock? _clock;

    /// <summary>Creates an evaluator for a rule set.</summary>
    public PolicyEvaluator(RuleSet ruleSet, PolicyEvaluatorOptions? options = null)
    {
        RuleSet = Guard.Against.Null(ruleSet);
        options ??= PolicyEvaluatorOptions.Default;
        _agencies = options.FiledAgencies ?? ruleSet.FiledAgencies;
        _clock = options.Clock;
        _measures = [.. ruleSet.Compiled.OrderBy(m => m.Definition.Clause).ThenBy(m => m.Definition.Code, StringComparer.Ordinal)];
    }

    /// <summary>The rule set it evaluates.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Today's date in China Standard Time by <paramref name="clock"/>.</summary>
    public static LocalDate TodayInChina(IClock clock)
    {
        Guard.Against.Null(clock);
        return clock.GetCurrentInstant().InZone(ChinaStandardTime).Date;
    }

    /// <summary>Evaluates a profile as of today in China Standard Time, by the options' clock.</summary>
    /// <exception cref="InvalidOperationException">The options gave no clock.</exception>
    public AdvisoryDecision EvaluateToday(CreditProfile profile) =>
        Evaluate(profile, TodayInChina(_clock ?? throw new InvalidOperationException("No clock was given in PolicyEvaluatorOptions.Clock; evaluate as of an explicit day instead.")));

    /// <summary>Evaluates a profile as of <paramref name="asOf"/>: which measures the rules find applicable, and why.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the rule set takes effect.</exception>
    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf) => Evaluate(profile, asOf, _agencies);

    /// <summary>Evaluates a profile as of <paramref name="asOf"/> with another registry of filed agencies.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the rule set takes effect.</exception>
    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry agencies)
    {
        Guard.Against.Null(profile);
        Guard.Against.Null(agencies);
        EnsureInForce(asOf);

        var facts = SubjectFacts.Compute(profile, asOf, agencies);
        Span<bool> hit = stackalloc bool[_measures.Length];
        var anyPenalty = false;
        for (var i = 0; i < _measures.Length; i++)
        {
            hit[i] = _measures[i].Predicate(facts);
            anyPenalty |= hit[i] && _measures[i].Definition.Kind == MeasureKind.Penalty;
        }

        var measures = ImmutableArray.CreateBuilder<ApplicableMeasure>();
        var revoked = ImmutableArray.CreateBuilder<Convenience>();
        List<string>? warnings = null;
        for (var i = 0; i < _measures.Length; i++)
        {
            if (!hit[i])
            {
                continue;
            }

            var definition = _measures[i].Definition;
            if (anyPenalty && definition.Kind == MeasureKind.Incentive)
            {
                (warnings ??= []).Add($"Incentive {definition.Code} ({definition.Clause}) matched but is not applicable: penalties dominate incentives.");
                continue;
            }

            measures.Add(new ApplicableMeasure(definition, CollectEvidence(definition.Evidence, profile, asOf, agencies)));
            foreach (var convenience in definition.Revokes)
            {
                if (profile.Conveniences.Contains(convenience) && !revoked.Contains(convenience))
                {
                    revoked.Add(convenience);
                }
            }
        }

        AddInputWarnings(profile, asOf, agencies, ref warnings);
        return new AdvisoryDecision(profile.Subject, asOf, RuleSet, measures.DrainToImmutable(), revoked.DrainToImmutable(), warnings is null ? [] : [.. warnings.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Evaluates many profiles as of one day on several cores; the decisions come back in the order of
    /// <paramref name="profiles"/>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; -1 (the default) for the thread pool's choice.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the rule set takes effect.</exception>
    public AdvisoryDecision[] EvaluateAll(IReadOnlyList<CreditProfile> profiles, LocalDate asOf, int maxDegreeOfParallelism = -1)
    {
        Guard.Against.Null(profiles);
        EnsureInForce(asOf);
        var decisions = new AdvisoryDecision[profiles.Count];
        if (decisions.Length == 0)
        {
            return decisions;
        }

        var chunk = Math.Max(64, decisions.Length / (Environment.ProcessorCount * 8));
        Parallel.ForEach(
            Partitioner.Create(0, decisions.Length, chunk),
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    decisions[i] = Evaluate(profiles[i], asOf, _agencies);
                }
            });
        return decisions;
    }

    /// <summary>Throws when the rule set is not yet in force on <paramref name="asOf"/> (R9).</summary>
    internal void EnsureInForce(LocalDate asOf)
    {
        if (asOf < RuleSet.EffectiveFrom)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asOf),
                $"Rule set {RuleSet.Id} takes effect on {IsoDate.Format(RuleSet.EffectiveFrom)} (R9); it cannot evaluate as of {IsoDate.Format(asOf)}.");
        }
    }

    private static ImmutableArray<string> CollectEvidence(ImmutableArray<EvidenceSet> sets, CreditProfile profile, LocalDate asOf, FiledAgencyRegistry agencies)
    {
        if (sets.IsEmpty)
        {
            return [];
        }

        bool Wants(EvidenceSet set) => sets.Contains(set);
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var record in profile.Records)
        {
            if (record.IsActiveOn(asOf) && (record.Polarity switch
            {
                RecordPolarity.Negative => Wants(EvidenceSet.ActiveNegativeRecords) || Wants(EvidenceSet.BadCreditRecords)
                    || (record.Severity == RecordSeverity.Serious && Wants(EvidenceSet.ActiveSeriousNegativeRecords)),
                RecordPolarity.Positive => Wants(EvidenceSet.ActivePositiveRecords),
                _ => false,
            }))
            {
                ids.Add(record.Id);
            }
        }

        if (Wants(EvidenceSet.CountingReports))
        {
            foreach (var report in profile.Reports)
            {
                if (report.StandingOn(asOf, agencies) == ReportStanding.Counts)
                {
                    ids.Add(report.Id);
                }
            }
        }

        if (Wants(EvidenceSet.BreachedCommitments) || Wants(EvidenceSet.BadCreditRecords))
        {
            foreach (var commitment in profile.Commitments)
            {
                if (commitment.IsBreachedOn(asOf))
                {
                    ids.Add(commitment.Id);
                }
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids.DrainToImmutable();
    }

    private static void AddInputWarnings(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry agencies, ref List<string>? warnings)
    {
        foreach (var report in profile.Reports)
        {
            var standing = report.StandingOn(asOf, agencies);
            if (standing != ReportStanding.Counts)
            {
                (warnings ??= []).Add(report.Explain(standing) + " It is ignored.");
            }
        }

        foreach (var commitment in profile.Commitments)
        {
            if (commitment.StatusOn(asOf, profile.Subject) == CommitmentStatus.Invalid)
            {
                var missing = string.Join(" ", CreditCommitment.MissingLetterFields(profile.Subject).Select(p => p.Message));
                (warnings ??= []).Add($"Commitment {commitment.Id} is not in effect: {missing}");
            }
        }
    }
}
