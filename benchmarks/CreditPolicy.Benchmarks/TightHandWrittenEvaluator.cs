using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// The tight baseline (issue 14): the seven measures of the Jia County rules coded by hand in one pass over the
/// profile, with no lists, no LINQ and no sorting beyond what the decision requires (evidence and warnings are
/// sorted ordinally, as the contract's decisions are); per-thread buffers reused, one evidence array shared by
/// the three penalties. It builds the same <see cref="AdvisoryDecision"/> as the library, byte for byte.
/// </summary>
public sealed class TightHandWrittenEvaluator
{
    [ThreadStatic]
    private static string[]? t_bad;

    [ThreadStatic]
    private static string[]? t_positive;

    [ThreadStatic]
    private static string[]? t_warnings;

    private readonly RuleSet _rules;
    private readonly FiledAgencyRegistry _agencies;
    private readonly MeasureDefinition _integrity, _green, _acceptance, _priority, _publicity, _review, _revoke;
    private readonly string _noCheck = CreditPolicy.Messages.Get(false, "warning.no-credit-check");
    private PublicityCutoffs _cutoffs;

    public TightHandWrittenEvaluator(RuleSet rules, FiledAgencyRegistry agencies)
    {
        _rules = rules;
        _agencies = agencies;
        MeasureDefinition Find(string code) => rules.FindMeasure(code)!;
        (_integrity, _green, _acceptance, _priority) = (Find("incentive.integrity-publicity"), Find("incentive.green-channel"), Find("incentive.acceptance-with-missing-materials"), Find("incentive.priority-support"));
        (_publicity, _review, _revoke) = (Find("penalty.dishonesty-publicity"), Find("penalty.key-review"), Find("penalty.revoke-conveniences"));
        _cutoffs = rules.PublicityPolicy.CutoffsOn(rules.EffectiveFrom);
    }

    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate day)
    {
        var cutoffs = _cutoffs.Date == day ? _cutoffs : _cutoffs = _rules.PublicityPolicy.CutoffsOn(day);
        var bad = t_bad ??= new string[32];
        var positive = t_positive ??= new string[32];
        var warnings = t_warnings ??= new string[16];
        int badCount = 0, positiveCount = 0, warningCount = 0;

        var records = profile.EvaluatedRecords;
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            if (!record.IsActiveOn(cutoffs))
            {
                if (record.PolicyWarning(cutoffs, zh: false, keep: true) is { } warning)
                {
                    Add(ref warnings, ref warningCount, warning);
                }

                continue;
            }

            switch (record.Polarity)
            {
                case RecordPolarity.Negative:
                    Add(ref bad, ref badCount, record.Id);
                    if (record.CommitmentId is { } breached)
                    {
                        Add(ref bad, ref badCount, breached);
                    }

                    break;
                case RecordPolarity.Positive:
                    Add(ref positive, ref positiveCount, record.Id);
                    break;
            }
        }

        var usingAcceptance = false;
        var commitments = profile.Commitments;
        for (var i = 0; i < commitments.Length; i++)
        {
            var commitment = commitments[i];
            if (commitment.Breach is { } breach && profile.RecordedBreach(i) is null)
            {
                if (breach.IsActiveOn(cutoffs))
                {
                    Add(ref bad, ref badCount, commitment.Id);
                }
                else if (breach.PolicyWarning(cutoffs, zh: false, keep: true) is { } warning)
                {
                    Add(ref warnings, ref warningCount, warning);
                }
            }

            var status = profile.CommitmentStatusOn(i, day);
            if (status == CommitmentStatus.NotYetMade)
            {
                continue;
            }

            usingAcceptance |= status == CommitmentStatus.InEffect && commitment.Type == CommitmentType.AcceptanceWithMissingMaterials;
            if (commitment.SignedOn <= day && commitment.HasLetterGaps(profile.Subject))
            {
                Add(ref warnings, ref warningCount, commitment.LetterWarning(profile.Subject, zh: false, keep: true));
            }
        }

        var reports = profile.Reports;
        for (var i = 0; i < reports.Length; i++)
        {
            var standing = reports[i].StandingOn(day, _agencies);
            if (standing != ReportStanding.Counts)
            {
                Add(ref warnings, ref warningCount, reports[i].Warning(standing, zh: false, keep: true));
            }
        }

        if (profile.CreditCheckedOn is null)
        {
            Add(ref warnings, ref warningCount, _noCheck);
        }

        (t_bad, t_positive, t_warnings) = (bad, positive, warnings); // keep what grew for the next profile
        ImmutableArray<ApplicableMeasure> measures;
        ImmutableArray<Convenience> revoked = [];
        if (badCount > 0)
        {
            var evidence = SortedDistinct(bad, badCount);
            var conveniences = profile.Conveniences;
            Convenience[]? cancelled = null;
            var cancelledCount = 0;
            foreach (var convenience in _revoke.Revokes)
            {
                var enjoyed = (usingAcceptance && convenience == Convenience.AcceptanceWithMissingMaterials) || conveniences.Contains(convenience);
                if (enjoyed)
                {
                    (cancelled ??= new Convenience[_revoke.Revokes.Length])[cancelledCount++] = convenience;
                }
            }

            if (cancelled is not null)
            {
                revoked = ImmutableCollectionsMarshal.AsImmutableArray(cancelledCount == cancelled.Length ? cancelled : cancelled[..cancelledCount]);
                measures = ImmutableCollectionsMarshal.AsImmutableArray(new[] { new ApplicableMeasure(_publicity, evidence), new ApplicableMeasure(_review, evidence), new ApplicableMeasure(_revoke, evidence) });
            }
            else
            {
                measures = ImmutableCollectionsMarshal.AsImmutableArray(new[] { new ApplicableMeasure(_publicity, evidence), new ApplicableMeasure(_review, evidence) });
            }
        }
        else if (profile.CreditCheckedOn is null)
        {
            measures = [];
        }
        else if (positiveCount > 0)
        {
            measures = ImmutableCollectionsMarshal.AsImmutableArray(new[]
            {
                new ApplicableMeasure(_integrity, SortedDistinct(positive, positiveCount)), new ApplicableMeasure(_acceptance, []), new ApplicableMeasure(_green, []), new ApplicableMeasure(_priority, []),
            });
        }
        else
        {
            measures = ImmutableCollectionsMarshal.AsImmutableArray(new[] { new ApplicableMeasure(_acceptance, []), new ApplicableMeasure(_green, []), new ApplicableMeasure(_priority, []) });
        }

        return new AdvisoryDecision(profile.Subject, day, _rules, measures, revoked, warningCount == 0 ? [] : SortedDistinct(warnings, warningCount, distinct: false));
    }

    private static void Add(ref string[] items, ref int count, string item)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
        }

        items[count++] = item;
    }

    /// <summary>The first <paramref name="count"/> items in a new array, sorted ordinally (insertion sort: a few items), repeats dropped when <paramref name="distinct"/>.</summary>
    private static ImmutableArray<string> SortedDistinct(string[] items, int count, bool distinct = true)
    {
        var sorted = new string[count];
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var item = items[i];
            var at = length;
            while (at > 0 && string.CompareOrdinal(sorted[at - 1], item) > 0)
            {
                at--;
            }

            if (distinct && at > 0 && string.Equals(sorted[at - 1], item, StringComparison.Ordinal))
            {
                continue;
            }

            Array.Copy(sorted, at, sorted, at + 1, length - at);
            sorted[at] = item;
            length++;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(length == count ? sorted : sorted[..length]);
    }
}
