using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// The practical limit: the seven measures of the Jia County rules coded directly in C#, facts derived
/// inline in one pass, the same <see cref="AdvisoryDecision"/> built (evidence, revocations, warnings).
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
        var bad = new List<string>();
        var positive = new List<string>();
        foreach (var record in profile.Records)
        {
            if (record.IsActiveOn(day))
            {
                (record.Polarity == RecordPolarity.Negative ? bad : record.Polarity == RecordPolarity.Positive ? positive : null)?.Add(record.Id);
            }
        }

        List<string>? warnings = null;
        foreach (var commitment in profile.Commitments)
        {
            var status = commitment.StatusOn(day, profile.Subject);
            if (status == CommitmentStatus.Breached)
            {
                bad.Add(commitment.Id);
            }
            else if (status == CommitmentStatus.Invalid)
            {
                (warnings ??= []).Add($"Commitment {commitment.Id} is not in effect: {string.Join(" ", CreditCommitment.MissingLetterFields(profile.Subject).Select(p => p.Message))}");
            }
        }

        foreach (var report in profile.Reports)
        {
            var standing = report.StandingOn(day, _agencies);
            if (standing != ReportStanding.Counts)
            {
                (warnings ??= []).Add(report.WarningFor(standing));
            }
        }

        ImmutableArray<ApplicableMeasure> measures;
        ImmutableArray<Convenience> revoked = [];
        if (bad.Count > 0)
        {
            bad.Sort(StringComparer.Ordinal);
            var evidence = bad.ToImmutableArray();
            if (profile.Conveniences.Length > 0)
            {
                measures = [new(_publicity, evidence), new(_review, evidence), new(_revoke, evidence)];
                revoked = [.. _revoke.Revokes.Where(profile.Conveniences.Contains)];
            }
            else
            {
                measures = [new(_publicity, evidence), new(_review, evidence)];
            }
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
