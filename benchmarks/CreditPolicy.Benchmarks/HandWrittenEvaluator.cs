using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// The practical limit: the seven measures of the Jia County rules (v2: publicity policy, breaches as
/// records, TD in use, credit check) coded directly in C#, facts derived inline in one pass, the same
/// <see cref="AdvisoryDecision"/> built (evidence, revocations, warnings).
/// </summary>
public sealed class HandWrittenEvaluator
{
    private readonly RuleSet _rules;
    private readonly FiledAgencyRegistry _agencies;
    private readonly MeasureDefinition _integrity, _green, _acceptance, _priority, _publicity, _review, _revoke;

    public HandWrittenEvaluator(RuleSet rules, FiledAgencyRegistry agencies)
    {
        _rules = rules;
        _agencies = agencies;
        MeasureDefinition Find(string code) => rules.FindMeasure(code)!;
        (_integrity, _green, _acceptance, _priority) = (Find("incentive.integrity-publicity"), Find("incentive.green-channel"), Find("incentive.acceptance-with-missing-materials"), Find("incentive.priority-support"));
        (_publicity, _review, _revoke) = (Find("penalty.dishonesty-publicity"), Find("penalty.key-review"), Find("penalty.revoke-conveniences"));
    }

    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate day)
    {
        var cutoffs = _rules.PublicityPolicy.CutoffsOn(day);
        var bad = new List<string>();
        var positive = new List<string>();
        List<string>? warnings = null;
        foreach (var record in profile.EvaluatedRecords)
        {
            if (record.IsActiveOn(cutoffs))
            {
                (record.Polarity == RecordPolarity.Negative ? bad : record.Polarity == RecordPolarity.Positive ? positive : null)?.Add(record.Id);
                if (record.CommitmentId is { } breached)
                {
                    bad.Add(breached);
                }
            }
            else if (record.PolicyWarning(cutoffs, zh: false, keep: true) is { } warning)
            {
                (warnings ??= []).Add(warning);
            }
        }

        var usingAcceptance = false;
        for (var i = 0; i < profile.Commitments.Length; i++)
        {
            var commitment = profile.Commitments[i];
            if (commitment.Breach is { } breach && profile.RecordedBreach(i) is null)
            {
                if (breach.IsActiveOn(cutoffs))
                {
                    bad.Add(commitment.Id);
                }
                else if (breach.PolicyWarning(cutoffs, zh: false, keep: true) is { } warning)
                {
                    (warnings ??= []).Add(warning);
                }
            }

            var status = profile.CommitmentStatusOn(i, day);
            if (status == CommitmentStatus.NotYetMade)
            {
                continue;
            }

            usingAcceptance |= status == CommitmentStatus.InEffect && commitment.Type == CommitmentType.AcceptanceWithMissingMaterials;
            if (commitment.SignedOn <= day && commitment.LetterGaps(profile.Subject) is { Count: > 0 })
            {
                (warnings ??= []).Add(commitment.LetterWarning(profile.Subject, zh: false, keep: true));
            }
        }

        foreach (var report in profile.Reports)
        {
            var standing = report.StandingOn(day, _agencies);
            if (standing != ReportStanding.Counts)
            {
                (warnings ??= []).Add(report.Warning(standing, zh: false, keep: true));
            }
        }

        if (profile.CreditCheckedOn is null)
        {
            (warnings ??= []).Add(CreditPolicy.Messages.Get(false, "warning.no-credit-check"));
        }

        ImmutableArray<ApplicableMeasure> measures;
        ImmutableArray<Convenience> revoked = [];
        var enjoyed = usingAcceptance ? [.. profile.Conveniences.Union([Convenience.AcceptanceWithMissingMaterials])] : profile.Conveniences;
        if (bad.Count > 0)
        {
            var evidence = bad.Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            if (enjoyed.Length > 0)
            {
                measures = [new(_publicity, evidence), new(_review, evidence), new(_revoke, evidence)];
                revoked = [.. _revoke.Revokes.Where(enjoyed.Contains)];
            }
            else
            {
                measures = [new(_publicity, evidence), new(_review, evidence)];
            }
        }
        else if (profile.CreditCheckedOn is null)
        {
            measures = [];
        }
        else if (positive.Count > 0)
        {
            positive.Sort(StringComparer.Ordinal);
            measures = [new(_integrity, positive.ToImmutableArray()), new(_acceptance, []), new(_green, []), new(_priority, [])];
        }
        else
        {
            measures = [new(_acceptance, []), new(_green, []), new(_priority, [])];
        }

        return new AdvisoryDecision(profile.Subject, day, _rules, measures, revoked, warnings is null ? [] : [.. warnings.Order(StringComparer.Ordinal)]);
    }
}
