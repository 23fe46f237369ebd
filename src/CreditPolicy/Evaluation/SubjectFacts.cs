using System;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>
/// The fact vocabulary that rule expressions read (as <c>facts.Name</c>): what is true of one subject on
/// one day, computed once per evaluation from its profile. Documented for policy staff, in Chinese and
/// English, in <c>docs/facts.md</c>.
/// </summary>
/// <remarks>
/// Only what happened on or before the day counts: records decided, reports issued and commitments made
/// after it do not exist yet. No fact counts commitments a subject did not make: declining to commit is
/// never a fact against it (C4). Immutable and thread-safe.
/// </remarks>
public readonly struct SubjectFacts
{
    /// <summary>The subject's kind in the contract's spelling (<c>enterprise</c>, <c>natural-person</c>, …; C1).</summary>
    public string Kind { get; private init; }

    /// <summary>Whether the subject is a natural person (C1).</summary>
    public bool IsNaturalPerson { get; private init; }

    /// <summary>Credit records active on the day that are negative (R2): bad credit records.</summary>
    public int ActiveNegativeRecords { get; private init; }

    /// <summary>Active negative records of serious severity.</summary>
    public int ActiveSeriousNegativeRecords { get; private init; }

    /// <summary>Active administrative penalties (行政处罚).</summary>
    public int ActiveAdministrativePenalties { get; private init; }

    /// <summary>Active listings as a dishonest judgment debtor (失信被执行人).</summary>
    public int ActiveDishonestJudgmentDebtorListings { get; private init; }

    /// <summary>Active listings on the serious dishonesty list (严重失信主体名单).</summary>
    public int ActiveSeriousDishonestyListings { get; private init; }

    /// <summary>Credit records active on the day that are positive (commendation, red list, other positive).</summary>
    public int ActivePositiveRecords { get; private init; }

    /// <summary>Active commendations (表彰).</summary>
    public int ActiveCommendations { get; private init; }

    /// <summary>Active red-list entries (红名单).</summary>
    public int ActiveRedListEntries { get; private init; }

    /// <summary>Commitments breached by the day (C1): each is a bad credit record.</summary>
    public int BreachedCommitments { get; private init; }

    /// <summary>Whether the subject holds any bad credit record: an active negative record or a breached commitment (R6, R7).</summary>
    public bool HasBadCreditRecord => ActiveNegativeRecords > 0 || BreachedCommitments > 0;

    /// <summary>Commitments signed and in effect on the day, not yet fulfilled, terminated or breached (C3).</summary>
    public int CommitmentsInEffect { get; private init; }

    /// <summary>TD commitments whose missing materials came in by the remedy deadline.</summary>
    public int FulfilledCommitments { get; private init; }

    /// <summary>TD commitments whose remedy deadline passed without the materials (终止退件). Not a breach by itself.</summary>
    public int TerminatedCommitments { get; private init; }

    /// <summary>Reports that count as credit reports on the day (R3): valid and from a filed agency.</summary>
    public int CountingReports { get; private init; }

    /// <summary>The best grade among counting reports, 1 (C) to 9 (AAA); 0 when none counts.</summary>
    public int BestRating { get; private init; }

    /// <summary>The worst grade among counting reports, 1 (C) to 9 (AAA); 0 when none counts.</summary>
    public int WorstRating { get; private init; }

    /// <summary>Whether the subject enjoys the green channel (绿色通道) now.</summary>
    public bool EnjoysGreenChannel { get; private init; }

    /// <summary>Whether the subject enjoys acceptance with missing materials (容缺受理) now.</summary>
    public bool EnjoysAcceptanceWithMissingMaterials { get; private init; }

    /// <summary>Whether the subject enjoys priority support (重点支持和优先便利) now.</summary>
    public bool EnjoysPrioritySupport { get; private init; }

    /// <summary>How many conveniences the subject enjoys now (R7.3 acts on these).</summary>
    public int EnjoyedConveniences { get; private init; }

    /// <summary>Computes the facts of <paramref name="profile"/> as of <paramref name="asOf"/>, with <paramref name="registry"/> deciding which reports count.</summary>
    public static SubjectFacts Compute(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry registry)
    {
        Guard.Against.Null(profile);
        Guard.Against.Null(registry);
        return Compute(profile, asOf, registry, null);
    }

    /// <summary>Computes the facts and, when <paramref name="scratch"/> is given, gathers the evidence ids and input warnings in the same pass.</summary>
    internal static SubjectFacts Compute(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry registry, EvaluationScratch? scratch)
    {
        int negative = 0, serious = 0, penalties = 0, debtors = 0, seriousList = 0, positive = 0, commendations = 0, redList = 0;
        var day = DayNumber.Of(asOf);
        foreach (var record in profile.Records)
        {
            if (!record.IsActiveOn(day))
            {
                continue;
            }

            switch (record.Polarity)
            {
                case RecordPolarity.Negative:
                    var isSerious = record.Severity == RecordSeverity.Serious;
                    scratch?.AddNegative(record.Id, isSerious);
                    negative++;
                    serious += isSerious ? 1 : 0;
                    penalties += record.Category == CreditRecordCategory.AdministrativePenalty ? 1 : 0;
                    debtors += record.Category == CreditRecordCategory.DishonestJudgmentDebtor ? 1 : 0;
                    seriousList += record.Category == CreditRecordCategory.SeriousDishonestyList ? 1 : 0;
                    break;
                case RecordPolarity.Positive:
                    scratch?.Add(EvidenceSet.ActivePositiveRecords, record.Id);
                    positive++;
                    commendations += record.Category == CreditRecordCategory.Commendation ? 1 : 0;
                    redList += record.Category == CreditRecordCategory.RedList ? 1 : 0;
                    break;
            }
        }

        int breached = 0, inEffect = 0, fulfilled = 0, terminated = 0;
        foreach (var commitment in profile.Commitments)
        {
            switch (commitment.StatusOn(asOf, profile.Subject))
            {
                case CommitmentStatus.Breached:
                    scratch?.Add(EvidenceSet.BreachedCommitments, commitment.Id);
                    breached++;
                    break;
                case CommitmentStatus.Invalid:
                    scratch?.Warnings.Add(commitment.InvalidWarning(profile.Subject));
                    break;
                case CommitmentStatus.InEffect: inEffect++; break;
                case CommitmentStatus.Fulfilled: fulfilled++; break;
                case CommitmentStatus.TerminatedAndReturned: terminated++; break;
            }
        }

        int counting = 0, best = 0, worst = 0;
        foreach (var report in profile.Reports)
        {
            var standing = report.StandingOn(asOf, registry);
            if (standing != ReportStanding.Counts)
            {
                scratch?.Warnings.Add(report.WarningFor(standing));
            }
            else
            {
                scratch?.Add(EvidenceSet.CountingReports, report.Id);
                counting++;
                best = Math.Max(best, report.Rating.Grade);
                worst = worst == 0 ? report.Rating.Grade : Math.Min(worst, report.Rating.Grade);
            }
        }

        bool green = false, acceptance = false, priority = false;
        foreach (var convenience in profile.Conveniences)
        {
            green |= convenience == Convenience.GreenChannel;
            acceptance |= convenience == Convenience.AcceptanceWithMissingMaterials;
            priority |= convenience == Convenience.PrioritySupport;
        }

        return new SubjectFacts
        {
            Kind = ContractNames.SubjectKinds.Name(profile.Subject.Kind),
            IsNaturalPerson = profile.Subject.Kind == SubjectKind.NaturalPerson,
            ActiveNegativeRecords = negative,
            ActiveSeriousNegativeRecords = serious,
            ActiveAdministrativePenalties = penalties,
            ActiveDishonestJudgmentDebtorListings = debtors,
            ActiveSeriousDishonestyListings = seriousList,
            ActivePositiveRecords = positive,
            ActiveCommendations = commendations,
            ActiveRedListEntries = redList,
            BreachedCommitments = breached,
            CommitmentsInEffect = inEffect,
            FulfilledCommitments = fulfilled,
            TerminatedCommitments = terminated,
            CountingReports = counting,
            BestRating = best,
            WorstRating = worst,
            EnjoysGreenChannel = green,
            EnjoysAcceptanceWithMissingMaterials = acceptance,
            EnjoysPrioritySupport = priority,
            EnjoyedConveniences = profile.Conveniences.Length,
        };
    }
}
