using System;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Facts;

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
    public string Kind { get; internal init; }

    /// <summary>Whether the subject is a natural person (C1).</summary>
    public bool IsNaturalPerson { get; internal init; }

    /// <summary>
    /// Bad credit records (不良信用记录, R2) active on the day: negative records still published (contract v2,
    /// "Publicity end") and not repaired, and breaches of commitments given on the commitment alone — each
    /// breach counted once.
    /// </summary>
    public int ActiveNegativeRecords { get; internal init; }

    /// <summary>Of those, the serious ones (严重失信信息).</summary>
    public int ActiveSeriousNegativeRecords { get; internal init; }

    /// <summary>Of those, the minor ones (轻微失信信息), active only where an authority gave them a publicity period.</summary>
    public int ActiveMinorNegativeRecords { get; internal init; }

    /// <summary>Active administrative penalties (行政处罚).</summary>
    public int ActiveAdministrativePenalties { get; internal init; }

    /// <summary>Active listings as a dishonest judgment debtor (失信被执行人).</summary>
    public int ActiveDishonestJudgmentDebtorListings { get; internal init; }

    /// <summary>Active listings on the serious dishonesty list (严重失信主体名单).</summary>
    public int ActiveSeriousDishonestyListings { get; internal init; }

    /// <summary>Credit records active on the day that are positive (commendation, red list, other positive).</summary>
    public int ActivePositiveRecords { get; internal init; }

    /// <summary>Active commendations (表彰).</summary>
    public int ActiveCommendations { get; internal init; }

    /// <summary>Active red-list entries (红名单).</summary>
    public int ActiveRedListEntries { get; internal init; }

    /// <summary>
    /// Commitments whose breach is an active bad credit record on the day (C1; 国办发〔2019〕35号): breached,
    /// still published and not repaired, whether the breach is given on the commitment, as a
    /// <c>commitment-breach</c> record naming it, or as a <c>commitment-breach</c> record naming no commitment of
    /// the profile (one made at another window). Each is also counted in <see cref="ActiveNegativeRecords"/>.
    /// </summary>
    public int BreachedCommitments { get; internal init; }

    /// <summary>
    /// Active breaches that are false commitments (虚假承诺: a commitment found untrue, 承诺不实): a commitment's
    /// breach or a <c>commitment-breach</c> record with <c>falseCommitment</c>, still published and not repaired.
    /// 国办发〔2020〕42号 bars an applicant who made one from approval substitution until credit repair. Each is
    /// also counted in <see cref="ActiveNegativeRecords"/>. Contract addition after v2.
    /// </summary>
    public int ActiveFalseCommitments { get; internal init; }

    /// <summary>Whether the subject holds any bad credit record on the day (R6, R7): an active negative record or an active breach.</summary>
    public bool HasBadCreditRecord => ActiveNegativeRecords > 0;

    /// <summary>Commitments signed and in effect on the day, not yet fulfilled, terminated or breached (C3).</summary>
    public int CommitmentsInEffect { get; internal init; }

    /// <summary>TD commitments whose missing materials came in by the remedy deadline.</summary>
    public int FulfilledCommitments { get; internal init; }

    /// <summary>TD commitments whose remedy deadline passed without the materials (终止退件). Not a breach by itself.</summary>
    public int TerminatedCommitments { get; internal init; }

    /// <summary>Reports that count as credit reports on the day (R3): valid, and from a filed agency or the PBoC Credit Reference Center.</summary>
    public int CountingReports { get; internal init; }

    /// <summary>Of those, the reports of the PBoC Credit Reference Center (征信中心), which carry no rating.</summary>
    public int CountingCreditReferenceCenterReports { get; internal init; }

    /// <summary>The best grade among counting rated reports, 1 (C) to 9 (AAA); 0 when none counts.</summary>
    public int BestRating { get; internal init; }

    /// <summary>The worst grade among counting rated reports, 1 (C) to 9 (AAA); 0 when none counts.</summary>
    public int WorstRating { get; internal init; }

    /// <summary>Whether the subject enjoys the green channel (绿色通道) now.</summary>
    public bool EnjoysGreenChannel { get; internal init; }

    /// <summary>
    /// Whether the subject enjoys acceptance with missing materials (容缺受理) on the day: listed among its
    /// conveniences, or using it through a TD commitment in effect (signed, not fulfilled, terminated or
    /// breached; contract v2).
    /// </summary>
    public bool EnjoysAcceptanceWithMissingMaterials { get; internal init; }

    /// <summary>Whether the subject enjoys priority support (重点支持和优先便利) now.</summary>
    public bool EnjoysPrioritySupport { get; internal init; }

    /// <summary>How many conveniences the subject enjoys on the day, a TD commitment in effect included (R7.3 acts on these).</summary>
    public int EnjoyedConveniences { get; internal init; }

    /// <summary>Whether the profile says when its records and reports were retrieved (<c>creditCheckedOn</c>, contract v2).</summary>
    public bool CreditChecked { get; internal init; }

    /// <summary>
    /// Days from the credit check to the day: 0 when the check was on or after it, and 2147483647 (never)
    /// without <c>creditCheckedOn</c>, so that <c>facts.DaysSinceCreditCheck &lt;= 30</c> requires a recent check.
    /// </summary>
    public int DaysSinceCreditCheck { get; internal init; }

    // The warning for a profile that does not say when it was checked: the same text for every such decision, looked up once.
    private static readonly string NoCreditCheckEn = Messages.Get(false, "warning.no-credit-check");
    private static readonly string NoCreditCheckZh = Messages.Get(true, "warning.no-credit-check");

    /// <summary>
    /// Computes the facts of <paramref name="profile"/> as of <paramref name="asOf"/>, with
    /// <paramref name="registry"/> deciding which reports count and <paramref name="publicity"/> when
    /// negative records stop being published.
    /// </summary>
    public static SubjectFacts Compute(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry registry, PublicityPolicy publicity)
    {
        Guard.Against.Null(profile);
        Guard.Against.Null(registry);
        Guard.Against.Null(publicity);
        return Compute(profile, publicity.CutoffsOn(asOf), registry, null);
    }

    /// <summary>Computes the facts and, when <paramref name="scratch"/> is given, gathers the evidence ids and input warnings in the same pass.</summary>
    internal static SubjectFacts Compute(CreditProfile profile, PublicityCutoffs cutoffs, FiledAgencyRegistry registry, EvaluationScratch? scratch) =>
        scratch is null ? Compute<WithoutScratch>(profile, cutoffs, registry, null!) : Compute<WithScratch>(profile, cutoffs, registry, scratch);

    /// <summary>Whether a compilation of <see cref="Compute{TGather}"/> gathers evidence and warnings: a constant to the JIT, which compiles each case apart (issue 14).</summary>
    private interface IGather
    {
        static abstract bool On { get; }
    }

    private readonly struct WithScratch : IGather
    {
        public static bool On => true;
    }

    private readonly struct WithoutScratch : IGather
    {
        public static bool On => false;
    }

    private static SubjectFacts Compute<TGather>(CreditProfile profile, PublicityCutoffs cutoffs, FiledAgencyRegistry registry, EvaluationScratch scratch)
        where TGather : struct, IGather
    {
        int negative = 0, serious = 0, minor = 0, penalties = 0, debtors = 0, seriousList = 0, positive = 0, commendations = 0, redList = 0, breached = 0, falseCommitments = 0;
        var asOf = cutoffs.Date;
        foreach (var record in profile.EvaluatedRecords)
        {
            if (!record.IsActiveOn(cutoffs))
            {
                if (TGather.On && record.PolicyWarning(cutoffs, scratch.Chinese, scratch.KeepWarnings) is { } warning)
                {
                    scratch.Warnings.Add(warning);
                }

                continue;
            }

            switch (record.Polarity)
            {
                case RecordPolarity.Negative:
                    var severity = record.Severity;
                    if (TGather.On) scratch.AddNegative(record.Id, severity == RecordSeverity.Serious);
                    negative++;
                    serious += severity == RecordSeverity.Serious ? 1 : 0;
                    minor += severity == RecordSeverity.Minor ? 1 : 0;
                    penalties += record.Category == CreditRecordCategory.AdministrativePenalty ? 1 : 0;
                    debtors += record.Category == CreditRecordCategory.DishonestJudgmentDebtor ? 1 : 0;
                    seriousList += record.Category == CreditRecordCategory.SeriousDishonestyList ? 1 : 0;
                    if (record.CommitmentId is { } commitmentId)
                    {
                        if (TGather.On) scratch.Add(EvidenceSet.BreachedCommitments, commitmentId);
                        breached++;
                    }
                    else if (record.Category == CreditRecordCategory.CommitmentBreach)
                    {
                        // A breach of a commitment made elsewhere (another window), recorded without a commitment of this profile.
                        if (TGather.On) scratch.AddBreachAlsoNegative(record.Id);
                        breached++;
                    }

                    if (record.FalseCommitment)
                    {
                        if (TGather.On) scratch.Add(EvidenceSet.FalseCommitments, record.CommitmentId ?? record.Id);
                        falseCommitments++;
                    }

                    break;
                case RecordPolarity.Positive:
                    if (TGather.On) scratch.Add(EvidenceSet.ActivePositiveRecords, record.Id);
                    positive++;
                    commendations += record.Category == CreditRecordCategory.Commendation ? 1 : 0;
                    redList += record.Category == CreditRecordCategory.RedList ? 1 : 0;
                    break;
            }
        }

        int inEffect = 0, fulfilled = 0, terminated = 0;
        var usingAcceptance = false;
        var commitments = profile.Commitments;
        for (var i = 0; i < commitments.Length; i++)
        {
            var commitment = commitments[i];
            if (commitment.Breach is { } breach && profile.RecordedBreach(i) is null)
            {
                // The breach given on the commitment is a negative record like any other (contract v2).
                if (breach.IsActiveOn(cutoffs))
                {
                    var isSerious = breach.Severity == RecordSeverity.Serious;
                    if (TGather.On) scratch.AddNegative(commitment.Id, isSerious);
                    if (TGather.On) scratch.AddBreachAlsoNegative(commitment.Id);
                    negative++;
                    breached++;
                    serious += isSerious ? 1 : 0;
                    minor += breach.Severity == RecordSeverity.Minor ? 1 : 0;
                    if (breach.FalseCommitment)
                    {
                        if (TGather.On) scratch.Add(EvidenceSet.FalseCommitments, commitment.Id);
                        falseCommitments++;
                    }
                }
                else if (TGather.On && breach.PolicyWarning(cutoffs, scratch.Chinese, scratch.KeepWarnings) is { } warning)
                {
                    scratch.Warnings.Add(warning);
                }
            }

            var status = profile.CommitmentStatusOn(i, asOf);
            switch (status)
            {
                case CommitmentStatus.NotYetMade: continue;
                case CommitmentStatus.InEffect:
                    inEffect++;
                    usingAcceptance |= commitment.Type == CommitmentType.AcceptanceWithMissingMaterials;
                    break;
                case CommitmentStatus.Fulfilled: fulfilled++; break;
                case CommitmentStatus.TerminatedAndReturned: terminated++; break;
            }

            // A letter counts once signed (C3); an unsigned one changes nothing, not even a warning (C4).
            if (TGather.On && commitment.SignedOn <= asOf && commitment.HasLetterGaps(profile.Subject))
            {
                scratch.Warnings.Add(commitment.LetterWarning(profile.Subject, scratch.Chinese, scratch.KeepWarnings));
            }
        }

        int counting = 0, referenceCenter = 0, best = 0, worst = 0;
        foreach (var report in profile.Reports)
        {
            var standing = report.StandingOn(asOf, registry);
            if (standing != ReportStanding.Counts)
            {
                if (TGather.On) scratch.Warnings.Add(report.Warning(standing, scratch.Chinese, scratch.KeepWarnings));
            }
            else
            {
                if (TGather.On) scratch.Add(EvidenceSet.CountingReports, report.Id);
                counting++;
                if (report.Rating is { Grade: var grade })
                {
                    best = Math.Max(best, grade);
                    worst = worst == 0 ? grade : Math.Min(worst, grade);
                }
                else
                {
                    referenceCenter++;
                }
            }
        }

        bool green = false, acceptance = false, priority = false;
        foreach (var convenience in profile.Conveniences)
        {
            green |= convenience == Convenience.GreenChannel;
            acceptance |= convenience == Convenience.AcceptanceWithMissingMaterials;
            priority |= convenience == Convenience.PrioritySupport;
        }

        var checkedOn = profile.CreditCheckedOn;
        if (checkedOn is null)
        {
            if (TGather.On) scratch.Warnings.Add(scratch.Chinese ? NoCreditCheckZh : NoCreditCheckEn);
        }

        return new SubjectFacts
        {
            Kind = profile.Subject.Kind.ContractName(),
            IsNaturalPerson = profile.Subject.Kind == SubjectKind.NaturalPerson,
            ActiveNegativeRecords = negative,
            ActiveSeriousNegativeRecords = serious,
            ActiveMinorNegativeRecords = minor,
            ActiveAdministrativePenalties = penalties,
            ActiveDishonestJudgmentDebtorListings = debtors,
            ActiveSeriousDishonestyListings = seriousList,
            ActivePositiveRecords = positive,
            ActiveCommendations = commendations,
            ActiveRedListEntries = redList,
            BreachedCommitments = breached,
            ActiveFalseCommitments = falseCommitments,
            CommitmentsInEffect = inEffect,
            FulfilledCommitments = fulfilled,
            TerminatedCommitments = terminated,
            CountingReports = counting,
            CountingCreditReferenceCenterReports = referenceCenter,
            BestRating = best,
            WorstRating = worst,
            EnjoysGreenChannel = green,
            EnjoysAcceptanceWithMissingMaterials = acceptance || usingAcceptance,
            EnjoysPrioritySupport = priority,
            EnjoyedConveniences = profile.Conveniences.Length + (usingAcceptance && !acceptance ? 1 : 0),
            CreditChecked = checkedOn is not null,
            DaysSinceCreditCheck = checkedOn is { } on ? Math.Max(0, cutoffs.Day - DayNumber.Of(on)) : int.MaxValue,
        };
    }

    /// <summary>Whether the subject enjoys <paramref name="convenience"/> on the day (for R7.3's revocation).</summary>
    internal bool Enjoys(Convenience convenience) => convenience switch
    {
        Convenience.GreenChannel => EnjoysGreenChannel,
        Convenience.AcceptanceWithMissingMaterials => EnjoysAcceptanceWithMissingMaterials,
        Convenience.PrioritySupport => EnjoysPrioritySupport,
        _ => false,
    };

}
