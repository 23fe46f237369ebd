using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// A credit record (信用记录, R2): data about a subject's credit standing lawfully published in the public
/// credit system, with its publicity period and any credit repair (信用修复).
/// </summary>
/// <remarks>
/// Whether a negative record is still published on a day depends on the national publicity regime in
/// force that day (contract v2, "Publicity end"): ask <see cref="IsActiveOn(LocalDate, PublicityPolicy)"/>
/// with the rule set's <see cref="PublicityPolicy"/>. Immutable and thread-safe.
/// </remarks>
public sealed class CreditRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">Identifier, unique in its profile; cited as evidence.</param>
    /// <param name="category">Category, which fixes the polarity.</param>
    /// <param name="decidedOn">The day it was decided or published.</param>
    /// <param name="severity">Severity of a negative record; <see langword="null"/> takes the category's default. Not allowed on other records.</param>
    /// <param name="authority">Who decided or published it.</param>
    /// <param name="publicUntil">Last day of its publicity period as published; <see langword="null"/> for the publicity policy's maximum.</param>
    /// <param name="repairedOn">The day a credit repair took effect.</param>
    /// <param name="commitmentId">For a <c>commitment-breach</c> record: the id of the commitment of the profile whose breach it is.</param>
    /// <param name="falseCommitment">For a <c>commitment-breach</c> record: the breach is a false commitment (虚假承诺, 承诺不实; 国办发〔2020〕42号), not only one left unkept.</param>
    /// <exception cref="ArgumentException">A value is missing or contradicts another; the message names the field.</exception>
    public CreditRecord(
        string id,
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity = null,
        string? authority = null,
        LocalDate? publicUntil = null,
        LocalDate? repairedOn = null,
        string? commitmentId = null,
        bool falseCommitment = false)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Category = Enum.IsDefined(category) ? category : throw new ArgumentOutOfRangeException(nameof(category));
        if (severity is { } s && !Enum.IsDefined(s))
        {
            throw new ArgumentOutOfRangeException(nameof(severity));
        }

        if (Check(category, decidedOn, severity, publicUntil, repairedOn, commitmentId) is [var problem, ..])
        {
            throw new ArgumentException(problem.ToString(), problem.Field);
        }

        if (FalseCommitmentProblem(category, falseCommitment, zh: false) is { } falseProblem)
        {
            throw new ArgumentException(falseProblem.ToString(), falseProblem.Field);
        }

        FalseCommitment = falseCommitment;
        DecidedOn = decidedOn;
        StatedSeverity = severity;
        Authority = string.IsNullOrWhiteSpace(authority) ? null : authority;
        PublicUntil = publicUntil;
        RepairedOn = repairedOn;
        CommitmentId = commitmentId;
        _decided = DayNumber.Of(decidedOn);
        _repaired = repairedOn is { } repaired ? DayNumber.Of(repaired) : int.MaxValue;
        _capIndex = Category.PublicityInformation() is { } information ? PublicityRegime.Index(information, Severity!.Value) : -1;

        // Minor information is not published (Order No. 36): without a publicity end it is never active.
        _lastActive = publicUntil is { } until ? DayNumber.Of(until)
            : Severity == RecordSeverity.Minor && _capIndex >= 0 ? int.MinValue
            : int.MaxValue;
    }

    // Day numbers of the dates (int.MaxValue for none), so that the evaluation's hot loop compares integers.
    private readonly int _decided;
    private readonly int _lastActive;
    private readonly int _repaired;

    // The index of the record's kind and class in a regime's maxima; -1 when no regime limits it.
    private readonly int _capIndex;

    // Its warning texts, made once (KeptTexts alone reads and writes this).
    private KeptTexts.Memo? _kept;

    /// <summary>
    /// For a <c>commitment-breach</c> record: whether the breach is a false commitment (虚假承诺: the commitment
    /// was found untrue, 承诺不实), which 国办发〔2020〕42号 bars from approval substitution until credit repair;
    /// otherwise a commitment left unkept. Contract addition after v2 (<c>falseCommitment</c>).
    /// </summary>
    public bool FalseCommitment { get; }

    /// <summary>Identifier, unique in its profile.</summary>
    public string Id { get; }

    /// <summary>Category.</summary>
    public CreditRecordCategory Category { get; }

    /// <summary>Polarity, from the category.</summary>
    public RecordPolarity Polarity => Category.Polarity();

    /// <summary>Severity as stated in the input, if it was.</summary>
    public RecordSeverity? StatedSeverity { get; }

    /// <summary>Severity of a negative record (stated, else the category's default); <see langword="null"/> for other records.</summary>
    public RecordSeverity? Severity => StatedSeverity ?? Category.DefaultSeverity();

    /// <summary>Who decided or published it.</summary>
    public string? Authority { get; }

    /// <summary>The day it was decided or published.</summary>
    public LocalDate DecidedOn { get; }

    /// <summary>Last day of the publicity period as published (inclusive); <see langword="null"/> when not given.</summary>
    public LocalDate? PublicUntil { get; }

    /// <summary>The day a credit repair (信用修复) took effect; the record is not active from that day on.</summary>
    public LocalDate? RepairedOn { get; }

    /// <summary>For a <c>commitment-breach</c> record: the id of the commitment whose breach it is (the same breach, counted once).</summary>
    public string? CommitmentId { get; }

    /// <summary>Whether the record exists on <paramref name="date"/>: it was decided on or before that day.</summary>
    public bool ExistsOn(LocalDate date) => DecidedOn <= date;

    /// <summary>
    /// Whether the record is active on <paramref name="date"/> (contract v2): decided on or before it, not
    /// repaired (<c>date &lt; repairedOn</c>), and on or before its publicity end — <c>publicUntil</c> when
    /// given, but for administrative penalties, other negative information and commitment breaches never later
    /// than the maximum of its class under the regime of <paramref name="policy"/> in force on the date;
    /// minor information without <c>publicUntil</c> is not published at all.
    /// </summary>
    public bool IsActiveOn(LocalDate date, PublicityPolicy policy)
    {
        Guard.Against.Null(policy);
        return IsActiveOn(policy.CutoffsOn(date));
    }

    /// <summary>
    /// The last day of publicity the regime of <paramref name="policy"/> in force on <paramref name="date"/>
    /// gives this record (the earlier of <c>publicUntil</c> and the class maximum); <see langword="null"/>
    /// when nothing ends it but repair.
    /// </summary>
    public LocalDate? PublicityEndOn(LocalDate date, PublicityPolicy policy)
    {
        Guard.Against.Null(policy);
        return PublicityEnd(policy.RegimeOn(date));
    }

    /// <summary><see cref="IsActiveOn(LocalDate, PublicityPolicy)"/> with the day's cutoffs computed once per evaluation.</summary>
    internal bool IsActiveOn(PublicityCutoffs cutoffs)
    {
        var day = cutoffs.Day;
        return _decided <= day && day <= _lastActive && day < _repaired
            && (_capIndex < 0 || _decided >= cutoffs.EarliestFor(_capIndex));
    }

    /// <summary>
    /// When the record's own <c>publicUntil</c> says it is still published on the cutoffs' day but the class
    /// maximum of the regime in force has ended it (contract v2: "when a cap changed what a given date would
    /// have meant"), the sentence for the decision's warnings, citing the regime; otherwise
    /// <see langword="null"/>. A record without <c>publicUntil</c> ends where the contract says it does
    /// (the class maximum; never, for minor information), so it needs no warning.
    /// </summary>
    internal string? PolicyWarning(PublicityCutoffs cutoffs, bool zh = false, bool keep = false)
    {
        var day = cutoffs.Day;
        if (_capIndex < 0 || PublicUntil is not { } given || _decided > day || day >= _repaired || day > _lastActive || IsActiveOn(cutoffs))
        {
            return null;
        }

        return PolicyWarning(cutoffs.Regime, given, zh, keep);
    }

    /// <summary>
    /// The warning itself, out of line: whether there is one depends on the day; what it says, on the regime and
    /// the language only, so it is kept beside the record when asked (KeptTexts). Kept apart from the check above,
    /// which evaluation inlines, so that its locals do not weigh on every evaluation's frame.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private string PolicyWarning(PublicityRegime? regime, LocalDate given, bool zh, bool keep) =>
        keep
            ? KeptTexts.Get(ref _kept, regime, zh ? 1 : 0, (this, regime, given, zh), static s => s.Item1.PolicyWarningText(s.regime, s.given, s.zh))
            : PolicyWarningText(regime, given, zh);

    private string PolicyWarningText(PublicityRegime? regime, LocalDate given, bool zh)
    {
        var (maximum, source) = PublicityRegime.MaximumAndSource(regime, Category.PublicityInformation()!.Value, Severity!.Value);
        return Messages.Get(
            zh,
            "record.publicity-capped",
            Id,
            IsoDate.Format(given),
            Messages.Get(zh, SeverityKey),
            Messages.Period(zh, maximum!),
            source == PublicityRegime.MinorSource ? Messages.Get(zh, "publicity.minor-source") : source,
            IsoDate.Format(PublicityEnd(regime)));
    }

    private string SeverityKey => Severity switch
    {
        RecordSeverity.Minor => "severity.minor",
        RecordSeverity.Serious => "severity.serious",
        _ => "severity.general",
    };

    private LocalDate? PublicityEnd(PublicityRegime? regime)
    {
        LocalDate? cap = null;
        if (Category.PublicityInformation() is { } information)
        {
            if (PublicUntil is null && Severity == RecordSeverity.Minor)
            {
                return DecidedOn == LocalDate.MinIsoValue ? DecidedOn : DecidedOn.PlusDays(-1);
            }

            cap = PublicityRegime.MaximumFor(regime, information, Severity!.Value) is { } maximum ? PublicityRegime.LastDay(DecidedOn, maximum) : null;
        }

        return (PublicUntil, cap) switch
        {
            ({ } until, { } c) => until < c ? until : c,
            ({ } until, null) => until,
            (null, var c) => c,
        };
    }

    /// <summary>Every problem with a record's values, by contract field name. The one source of these rules: the constructor throws on the first, the profile reader reports each at its field. Empty, without allocating, when there is none.</summary>
    public static IReadOnlyList<FieldProblem> Check(
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity,
        LocalDate? publicUntil,
        LocalDate? repairedOn,
        string? commitmentId = null) => CheckIn(category, decidedOn, severity, publicUntil, repairedOn, commitmentId, zh: false);

    /// <summary>The problems of <see cref="Check"/>, in Chinese when <paramref name="zh"/>.</summary>
    internal static IReadOnlyList<FieldProblem> CheckIn(
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity,
        LocalDate? publicUntil,
        LocalDate? repairedOn,
        string? commitmentId,
        bool zh)
    {
        List<FieldProblem>? problems = null;
        if (severity is not null && category.Polarity() != RecordPolarity.Negative)
        {
            (problems ??= []).Add(new FieldProblem("severity", Messages.Get(zh, "record.severity-negative-only")));
        }

        if (severity == RecordSeverity.Minor && category.Polarity() == RecordPolarity.Negative && category.PublicityInformation() is null)
        {
            (problems ??= []).Add(new FieldProblem("severity", Messages.Get(zh, "record.listing-not-minor")));
        }

        if (publicUntil < decidedOn)
        {
            (problems ??= []).Add(new FieldProblem("publicUntil", Messages.Get(zh, "record.public-until-before-decided", IsoDate.Format(publicUntil), IsoDate.Format(decidedOn))));
        }

        if (repairedOn < decidedOn)
        {
            (problems ??= []).Add(new FieldProblem("repairedOn", Messages.Get(zh, "record.repaired-before-decided", IsoDate.Format(repairedOn), IsoDate.Format(decidedOn))));
        }

        if (commitmentId is not null && (category != CreditRecordCategory.CommitmentBreach || string.IsNullOrWhiteSpace(commitmentId)))
        {
            (problems ??= []).Add(new FieldProblem("commitmentId", string.IsNullOrWhiteSpace(commitmentId)
                ? Messages.Get(zh, "read.blank")
                : Messages.Get(zh, "record.commitment-id-breach-only")));
        }

        // Not `? [] :` — typed by `problems`, that would allocate an empty List for every valid item read.
        return problems is null ? Array.Empty<FieldProblem>() : problems;
    }

    /// <summary>The problem with <c>falseCommitment</c> on a record of <paramref name="category"/>: only a breach can be a false commitment.</summary>
    internal static FieldProblem? FalseCommitmentProblem(CreditRecordCategory category, bool falseCommitment, bool zh) =>
        falseCommitment && category != CreditRecordCategory.CommitmentBreach ? new FieldProblem("falseCommitment", Messages.Get(zh, "record.false-commitment-breach-only")) : null;

    /// <inheritdoc />
    public override string ToString() => Subjects.PersonalIds.Mask($"{Id} {Category} decided {IsoDate.Format(DecidedOn)}"); // R8
}
