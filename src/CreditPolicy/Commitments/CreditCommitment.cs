using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using CreditPolicy.Records;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Commitments;

/// <summary>
/// A credit commitment (信用承诺, C1): a public written commitment a subject makes while applying for an
/// approval item (事项), of one of the three types of C2. It takes effect once signed or sealed (C3), and
/// by that alone: a letter that lacks a field C3 lists is incomplete, not void. An acceptance-with-missing-
/// materials commitment (TD) names the missing materials, the remedy deadline (容缺补正时限) and the
/// authorised agent; an approval-substitution commitment (C2.3, 告知承诺) names the certificates it replaces.
/// Its breach is a negative credit record of category <c>commitment-breach</c> (<see cref="Breach"/>),
/// with a class, a publicity end and credit repair like any other (国办发〔2019〕35号; NDRC Order No. 36).
/// </summary>
/// <remarks>
/// Declining to commit is never recorded against anyone (C4): a profile without commitments is a complete
/// profile, and nothing in the library treats the absence of a commitment as a fact against the subject.
/// Immutable and thread-safe.
/// </remarks>
public sealed class CreditCommitment
{
    // Its warning texts, made once (KeptTexts alone reads and writes this).
    private KeptTexts.Memo? _kept;

    /// <summary>Creates a commitment.</summary>
    /// <param name="id">Identifier, unique in its profile; cited as evidence.</param>
    /// <param name="type">The type (C2).</param>
    /// <param name="matter">The approval item applied for (事项).</param>
    /// <param name="committedOn">The commitment date (C3).</param>
    /// <param name="window">The service window, if known.</param>
    /// <param name="signedOn">The day it was signed or sealed; <see langword="null"/> while unsigned (not in effect, C3).</param>
    /// <param name="missingMaterials">TD only, required there: the materials still to be submitted.</param>
    /// <param name="remedyDeadline">TD only, required there: the last day to submit them.</param>
    /// <param name="materialsSubmittedOn">TD only: the day they were submitted.</param>
    /// <param name="breachedOn">The day a breach was established; needs a signature on or before it.</param>
    /// <param name="agent">The authorised agent (委托代理人), if any.</param>
    /// <param name="breachSeverity">The class of the breach as dishonesty information; <see langword="null"/> for general. Needs <paramref name="breachedOn"/>.</param>
    /// <param name="breachRepairedOn">The day credit repair of the breach took effect. Needs <paramref name="breachedOn"/>.</param>
    /// <param name="replacedCertificates">C2.3 only: the certificates (证明事项) the commitment replaces.</param>
    /// <param name="falseCommitment">The breach is that the commitment was found untrue (虚假承诺, 承诺不实; 国办发〔2020〕42号). Needs <paramref name="breachedOn"/>.</param>
    /// <exception cref="ArgumentException">A value is missing or contradicts another; the message names the field.</exception>
    public CreditCommitment(
        string id,
        CommitmentType type,
        string matter,
        LocalDate committedOn,
        string? window = null,
        LocalDate? signedOn = null,
        IEnumerable<string>? missingMaterials = null,
        LocalDate? remedyDeadline = null,
        LocalDate? materialsSubmittedOn = null,
        LocalDate? breachedOn = null,
        CommitmentAgent? agent = null,
        RecordSeverity? breachSeverity = null,
        LocalDate? breachRepairedOn = null,
        IEnumerable<string>? replacedCertificates = null,
        bool falseCommitment = false)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Type = Enum.IsDefined(type) ? type : throw new ArgumentOutOfRangeException(nameof(type));
        Matter = Guard.Against.NullOrWhiteSpace(matter);
        var materials = missingMaterials?.ToImmutableArray() ?? [];
        var certificates = replacedCertificates?.ToImmutableArray() ?? [];
        if (breachSeverity is { } severity && !Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(breachSeverity));
        }

        if (CheckIn(type, committedOn, signedOn, materials, remedyDeadline, materialsSubmittedOn, breachedOn, breachSeverity, breachRepairedOn, certificates, zh: false) is [var problem, ..])
        {
            throw new ArgumentException(problem.ToString(), problem.Field);
        }

        if (FalseCommitmentProblem(breachedOn, falseCommitment, zh: false) is { } falseProblem)
        {
            throw new ArgumentException(falseProblem.ToString(), falseProblem.Field);
        }

        FalseCommitment = falseCommitment;
        CommittedOn = committedOn;
        Window = string.IsNullOrWhiteSpace(window) ? null : window;
        SignedOn = signedOn;
        MissingMaterials = materials;
        RemedyDeadline = remedyDeadline;
        MaterialsSubmittedOn = materialsSubmittedOn;
        BreachedOn = breachedOn;
        Agent = agent;
        BreachSeverity = breachSeverity;
        BreachRepairedOn = breachRepairedOn;
        ReplacedCertificates = certificates;
        Breach = breachedOn is { } breached
            ? new CreditRecord(Id, CreditRecordCategory.CommitmentBreach, breached, breachSeverity, repairedOn: breachRepairedOn, commitmentId: Id, falseCommitment: falseCommitment)
            : null;
    }

    /// <summary>Identifier, unique in its profile.</summary>
    public string Id { get; }

    /// <summary>The type (C2).</summary>
    public CommitmentType Type { get; }

    /// <summary>The approval item applied for (事项).</summary>
    public string Matter { get; }

    /// <summary>The service window, if known.</summary>
    public string? Window { get; }

    /// <summary>The commitment date (承诺日期, C3).</summary>
    public LocalDate CommittedOn { get; }

    /// <summary>The day it was signed or sealed (C3), or <see langword="null"/>.</summary>
    public LocalDate? SignedOn { get; }

    /// <summary>TD: the missing materials; empty for other types.</summary>
    public ImmutableArray<string> MissingMaterials { get; }

    /// <summary>TD: the last day to submit the missing materials (容缺补正时限).</summary>
    public LocalDate? RemedyDeadline { get; }

    /// <summary>TD: the day the missing materials were submitted.</summary>
    public LocalDate? MaterialsSubmittedOn { get; }

    /// <summary>The day a breach was established, or <see langword="null"/>.</summary>
    public LocalDate? BreachedOn { get; }

    /// <summary>The authorised agent (委托代理人), or <see langword="null"/>.</summary>
    public CommitmentAgent? Agent { get; }

    /// <summary>The class of the breach as stated, if it was; a breach is general when none is stated.</summary>
    public RecordSeverity? BreachSeverity { get; }

    /// <summary>The day credit repair of the breach took effect, or <see langword="null"/>.</summary>
    public LocalDate? BreachRepairedOn { get; }

    /// <summary>
    /// Whether the breach established on <see cref="BreachedOn"/> is that the commitment was found untrue
    /// (虚假承诺, 承诺不实): 国办发〔2020〕42号 bars such an applicant from approval substitution until credit repair.
    /// Contract addition after v2 (<c>falseCommitment</c>).
    /// </summary>
    public bool FalseCommitment { get; }

    /// <summary>C2.3: the certificates (证明事项) this commitment replaces; empty for other types.</summary>
    public ImmutableArray<string> ReplacedCertificates { get; }

    /// <summary>
    /// The breach as the negative credit record it is (contract v2): category <c>commitment-breach</c>, the
    /// commitment's id, class <see cref="BreachSeverity"/>, decided on <see cref="BreachedOn"/>, repaired on
    /// <see cref="BreachRepairedOn"/>; <see langword="null"/> when no breach is established. A profile's
    /// <c>commitment-breach</c> record that names this commitment stands for the same breach instead.
    /// </summary>
    public CreditRecord? Breach { get; }

    /// <summary>Whether the commitment exists on <paramref name="date"/>: its commitment date is on or before it.</summary>
    public bool ExistsOn(LocalDate date) => CommittedOn <= date;

    /// <summary>Whether a breach is established on <paramref name="date"/> (contract: <c>breachedOn &lt;= date</c>).</summary>
    public bool IsBreachedOn(LocalDate date) => BreachedOn <= date && ExistsOn(date);

    /// <summary>
    /// The commitment's status on <paramref name="date"/>, from dates on or before it only: not yet made;
    /// breached (a breach established); not signed (C3: only a signature makes it take effect); and for TD
    /// fulfilled (materials in by the deadline), terminated and returned (deadline passed without them,
    /// 终止退件) or in effect; in effect otherwise. A letter that lacks a C3 field changes nothing here
    /// (see <see cref="LetterGaps"/>).
    /// </summary>
    public CommitmentStatus StatusOn(LocalDate date)
    {
        if (!ExistsOn(date))
        {
            return CommitmentStatus.NotYetMade;
        }

        if (IsBreachedOn(date))
        {
            return CommitmentStatus.Breached;
        }

        if (SignedOn is not { } signed || signed > date)
        {
            return CommitmentStatus.NotSigned;
        }

        if (RemedyDeadline is not { } deadline)
        {
            return CommitmentStatus.InEffect;
        }

        if (MaterialsSubmittedOn is { } submitted && submitted <= date && submitted <= deadline)
        {
            return CommitmentStatus.Fulfilled;
        }

        return date > deadline ? CommitmentStatus.TerminatedAndReturned : CommitmentStatus.InEffect;
    }

    /// <summary>
    /// What the commitment letter (C3) of this commitment by <paramref name="committer"/> lacks, as blanks to
    /// fill in: a certificate type that is a unified social credit code or a resident identity card, the
    /// supervising department (主管部门), and for C2.3 the certificates replaced (国办发〔2020〕42号). Name,
    /// number, content (type and matter) and date are always present. Gaps make the letter incomplete; the
    /// commitment takes effect on signature all the same.
    /// </summary>
    /// <param name="committer">The subject who commits.</param>
    /// <param name="culture">The language of the messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    public IReadOnlyList<FieldProblem> LetterGaps(Subject committer, System.Globalization.CultureInfo? culture = null) => LetterGapsIn(committer, Messages.IsChinese(culture));

    internal IReadOnlyList<FieldProblem> LetterGapsIn(Subject committer, bool zh)
    {
        Guard.Against.Null(committer);
        if (!HasLetterGaps(committer))
        {
            return [];
        }

        var missing = new List<FieldProblem>(3);
        if (committer.Identifier.Type == IdentifierType.Other)
        {
            missing.Add(new FieldProblem("subject.idType", Messages.Get(zh, "letter-gap.id-type")));
        }

        if (committer.SupervisingDepartment is null)
        {
            missing.Add(new FieldProblem("subject.supervisingDepartment", Messages.Get(zh, "letter-gap.supervising-department")));
        }

        if (Type == CommitmentType.ApprovalSubstitution && ReplacedCertificates.IsEmpty)
        {
            missing.Add(new FieldProblem("replacedCertificates", Messages.Get(zh, "letter-gap.replaced-certificates")));
        }

        return missing;
    }

    /// <summary>Whether <see cref="LetterGaps"/> finds anything, without allocating.</summary>
    internal bool HasLetterGaps(Subject committer) =>
        committer.SupervisingDepartment is null || committer.Identifier.Type == IdentifierType.Other
        || (Type == CommitmentType.ApprovalSubstitution && ReplacedCertificates.IsEmpty);

    /// <summary>The decision warning for a commitment whose letter has gaps; kept beside the commitment for its committer when <paramref name="keep"/> (<see cref="KeptTexts"/>).</summary>
    internal string LetterWarning(Subject committer, bool zh = false, bool keep = false) =>
        keep
            ? KeptTexts.Get(ref _kept, committer, zh ? 1 : 0, (this, committer, zh), static s => s.Item1.MakeLetterWarning(s.committer, s.zh))
            : MakeLetterWarning(committer, zh);

    private string MakeLetterWarning(Subject committer, bool zh) =>
        Messages.Get(zh, "commitment.letter-incomplete", Id, string.Join(zh ? string.Empty : " ", LetterGapsIn(committer, zh).Select(p => p.Message)));

    private static bool AnyBlank(ImmutableArray<string> items)
    {
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The problem with <c>falseCommitment</c> without <c>breachedOn</c>: a commitment is found untrue on the day its breach is established.</summary>
    internal static FieldProblem? FalseCommitmentProblem(LocalDate? breachedOn, bool falseCommitment, bool zh) =>
        falseCommitment && breachedOn is null ? new FieldProblem("falseCommitment", Messages.Get(zh, "commitment.false-needs-breach")) : null;

    /// <summary>Every problem with a commitment's type-specific fields and dates, by contract field name. The one source of these rules: the constructor throws on the first, the profile reader reports each at its field. Empty, without allocating, when there is none.</summary>
    public static IReadOnlyList<FieldProblem> Check(
        CommitmentType type,
        LocalDate committedOn,
        LocalDate? signedOn,
        IReadOnlyCollection<string> missingMaterials,
        LocalDate? remedyDeadline,
        LocalDate? materialsSubmittedOn,
        LocalDate? breachedOn,
        RecordSeverity? breachSeverity = null,
        LocalDate? breachRepairedOn = null,
        IReadOnlyCollection<string>? replacedCertificates = null) =>
        CheckIn(type, committedOn, signedOn, [.. Guard.Against.Null(missingMaterials)], remedyDeadline, materialsSubmittedOn, breachedOn, breachSeverity, breachRepairedOn, replacedCertificates is null ? [] : [.. replacedCertificates], zh: false);

    /// <summary>The problems of <see cref="Check"/>, in Chinese when <paramref name="zh"/>.</summary>
    internal static IReadOnlyList<FieldProblem> CheckIn(
        CommitmentType type,
        LocalDate committedOn,
        LocalDate? signedOn,
        ImmutableArray<string> missingMaterials,
        LocalDate? remedyDeadline,
        LocalDate? materialsSubmittedOn,
        LocalDate? breachedOn,
        RecordSeverity? breachSeverity,
        LocalDate? breachRepairedOn,
        ImmutableArray<string> replacedCertificates,
        bool zh)
    {
        List<FieldProblem>? problems = null;
        if (type == CommitmentType.AcceptanceWithMissingMaterials)
        {
            if (missingMaterials.IsEmpty)
            {
                (problems ??= []).Add(new FieldProblem("missingMaterials", Messages.Get(zh, "commitment.td-materials")));
            }
            else if (AnyBlank(missingMaterials))
            {
                (problems ??= []).Add(new FieldProblem("missingMaterials", Messages.Get(zh, "commitment.material-blank")));
            }

            if (remedyDeadline is null)
            {
                (problems ??= []).Add(new FieldProblem("remedyDeadline", Messages.Get(zh, "commitment.td-deadline")));
            }
            else if (remedyDeadline < committedOn)
            {
                (problems ??= []).Add(new FieldProblem("remedyDeadline", Messages.Get(zh, "commitment.deadline-before-committed", IsoDate.Format(remedyDeadline), IsoDate.Format(committedOn))));
            }

            if (materialsSubmittedOn < committedOn)
            {
                (problems ??= []).Add(new FieldProblem("materialsSubmittedOn", Messages.Get(zh, "commitment.submitted-before-committed", IsoDate.Format(materialsSubmittedOn), IsoDate.Format(committedOn))));
            }
        }
        else
        {
            var onlyTd = Messages.Get(zh, "commitment.td-only");
            if (!missingMaterials.IsEmpty)
            {
                (problems ??= []).Add(new FieldProblem("missingMaterials", onlyTd));
            }

            if (remedyDeadline is not null)
            {
                (problems ??= []).Add(new FieldProblem("remedyDeadline", onlyTd));
            }

            if (materialsSubmittedOn is not null)
            {
                (problems ??= []).Add(new FieldProblem("materialsSubmittedOn", onlyTd));
            }
        }

        if (type == CommitmentType.ApprovalSubstitution)
        {
            if (AnyBlank(replacedCertificates))
            {
                (problems ??= []).Add(new FieldProblem("replacedCertificates", Messages.Get(zh, "commitment.certificate-blank")));
            }
        }
        else if (!replacedCertificates.IsEmpty)
        {
            (problems ??= []).Add(new FieldProblem("replacedCertificates", Messages.Get(zh, "commitment.certificates-c23-only")));
        }

        if (signedOn < committedOn)
        {
            (problems ??= []).Add(new FieldProblem("signedOn", Messages.Get(zh, "commitment.signed-before-committed", IsoDate.Format(signedOn), IsoDate.Format(committedOn))));
        }

        if (breachedOn is { } breached && (signedOn is not { } signed || breached < signed))
        {
            (problems ??= []).Add(new FieldProblem("breachedOn", Messages.Get(zh, "commitment.breach-needs-signature")));
        }

        if (breachedOn is null)
        {
            if (breachSeverity is not null)
            {
                (problems ??= []).Add(new FieldProblem("breachSeverity", Messages.Get(zh, "commitment.severity-needs-breach")));
            }

            if (breachRepairedOn is not null)
            {
                (problems ??= []).Add(new FieldProblem("breachRepairedOn", Messages.Get(zh, "commitment.repair-needs-breach")));
            }
        }
        else if (breachRepairedOn < breachedOn)
        {
            (problems ??= []).Add(new FieldProblem("breachRepairedOn", Messages.Get(zh, "commitment.repaired-before-breach", IsoDate.Format(breachRepairedOn), IsoDate.Format(breachedOn))));
        }

        // Not `? [] :` — typed by `problems`, that would allocate an empty List for every valid item read.
        return problems is null ? Array.Empty<FieldProblem>() : problems;
    }

    /// <inheritdoc />
    public override string ToString() => Subjects.PersonalIds.Mask($"{Id} {Type} for {Matter} on {IsoDate.Format(CommittedOn)}"); // R8
}
