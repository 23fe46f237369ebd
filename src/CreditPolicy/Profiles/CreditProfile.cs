using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Profiles;

/// <summary>
/// Everything known about one subject: its credit records (R2), credit reports (R3), credit commitments
/// (C1–C3) and the conveniences it enjoys now (R6.2, for R7.3). The input of an evaluation, read from and
/// written to the contract's profile JSON by <see cref="Serialization.ProfileJson"/>.
/// </summary>
/// <remarks>
/// Record, report and commitment ids are unique across the whole profile, since a decision cites them as
/// evidence. A profile with no commitments is complete: declining to commit never counts against a
/// subject (C4). Immutable and thread-safe.
/// </remarks>
[ContractJson]
public sealed class CreditProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="records">Its credit records.</param>
    /// <param name="reports">Its credit reports.</param>
    /// <param name="commitments">Its credit commitments.</param>
    /// <param name="conveniences">The conveniences it enjoys now.</param>
    /// <param name="creditCheckedOn">The day the records and reports were retrieved from the public credit information system, if known.</param>
    /// <exception cref="ArgumentException">
    /// Two items share an id, a convenience is listed twice, or a <c>commitment-breach</c> record names a
    /// commitment that is not in the profile, not signed by the breach, or already named by another record.
    /// </exception>
    public CreditProfile(
        Subject subject,
        IEnumerable<CreditRecord>? records = null,
        IEnumerable<CreditReport>? reports = null,
        IEnumerable<CreditCommitment>? commitments = null,
        IEnumerable<Convenience>? conveniences = null,
        LocalDate? creditCheckedOn = null)
    {
        Subject = Guard.Against.Null(subject);
        Records = records?.ToImmutableArray() ?? [];
        Reports = reports?.ToImmutableArray() ?? [];
        Commitments = commitments?.ToImmutableArray() ?? [];
        Conveniences = conveniences?.ToImmutableArray() ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in Records.Select(r => r.Id).Concat(Reports.Select(r => r.Id)).Concat(Commitments.Select(c => c.Id)))
        {
            if (!ids.Add(id))
            {
                throw new ArgumentException(Subjects.PersonalIds.ForMessage($"Id '{id}' is used twice in the profile; record, report and commitment ids must be unique."), nameof(records));
            }
        }

        if (Conveniences.Distinct().Count() != Conveniences.Length)
        {
            throw new ArgumentException("A convenience is listed twice.", nameof(conveniences));
        }

        if (BreachLinkProblems(Records, Commitments) is [var (_, problem), ..])
        {
            throw new ArgumentException(problem.ToString(), nameof(records));
        }

        CreditCheckedOn = creditCheckedOn;
        (EvaluatedRecords, _recordedBreaches) = LinkBreaches(Records, Commitments);
    }

    /// <summary>A profile from parts already checked (by <see cref="Serialization.ProfileJson"/>): no copying, no re-checking.</summary>
    internal CreditProfile(
        Subject subject,
        ImmutableArray<CreditRecord> records,
        ImmutableArray<CreditReport> reports,
        ImmutableArray<CreditCommitment> commitments,
        ImmutableArray<Convenience> conveniences,
        LocalDate? creditCheckedOn,
        bool alreadyChecked)
    {
        Debug.Assert(alreadyChecked, "Only for parts whose ids, conveniences and breach links are known to be sound.");
        Subject = subject;
        Records = records;
        Reports = reports;
        Commitments = commitments;
        Conveniences = conveniences;
        CreditCheckedOn = creditCheckedOn;
        (EvaluatedRecords, _recordedBreaches) = LinkBreaches(records, commitments);
    }

    // Per commitment: the commitment-breach record of the profile that stands for its breach (merged, see
    // LinkBreaches), or null; the whole array is null when no record names a commitment.
    private readonly CreditRecord?[]? _recordedBreaches;

    /// <summary>The subject (C1, C3).</summary>
    public Subject Subject { get; }

    /// <summary>Its credit records (R2), in input order.</summary>
    public ImmutableArray<CreditRecord> Records { get; }

    /// <summary>Its credit reports (R3), in input order.</summary>
    public ImmutableArray<CreditReport> Reports { get; }

    /// <summary>Its credit commitments (C1–C3), in input order.</summary>
    public ImmutableArray<CreditCommitment> Commitments { get; }

    /// <summary>The conveniences it enjoys now (R6.2), in input order.</summary>
    public ImmutableArray<Convenience> Conveniences { get; }

    /// <summary>
    /// The day the records and reports were retrieved from the public credit information system
    /// (contract v2, provenance); <see langword="null"/> when not known — then the absence of records is no
    /// proof of a clean record.
    /// </summary>
    public LocalDate? CreditCheckedOn { get; }

    /// <summary>
    /// The records as evaluation counts them: <see cref="Records"/>, except that a <c>commitment-breach</c>
    /// record naming a commitment takes the commitment's <c>breachSeverity</c> and <c>breachRepairedOn</c>
    /// where it states none itself, and is a false commitment when either says so (its own values and dates win; contract v2). The same array as
    /// <see cref="Records"/> when no record names a commitment.
    /// </summary>
    internal ImmutableArray<CreditRecord> EvaluatedRecords { get; }

    /// <summary>
    /// The breach of <paramref name="commitment"/> (one of <see cref="Commitments"/>) as evaluation counts it:
    /// the <c>commitment-breach</c> record of the profile that names it, completed with the commitment's class
    /// and repair where the record states none; else the breach given on the commitment
    /// (<see cref="CreditCommitment.Breach"/>); <see langword="null"/> when there is none.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="commitment"/> is not one of the profile's.</exception>
    public CreditRecord? BreachOf(CreditCommitment commitment)
    {
        Guard.Against.Null(commitment);
        var index = Commitments.IndexOf(commitment);
        if (index < 0)
        {
            throw new ArgumentException("The commitment is not one of this profile's.", nameof(commitment));
        }

        return RecordedBreach(index) ?? commitment.Breach;
    }

    /// <summary>
    /// The status of <paramref name="commitment"/> (one of <see cref="Commitments"/>) on <paramref name="date"/>,
    /// seeing a breach recorded as a <c>commitment-breach</c> record as well as one given on the commitment.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="commitment"/> is not one of the profile's.</exception>
    public CommitmentStatus CommitmentStatusOn(CreditCommitment commitment, LocalDate date)
    {
        Guard.Against.Null(commitment);
        var index = Commitments.IndexOf(commitment);
        return index < 0
            ? throw new ArgumentException("The commitment is not one of this profile's.", nameof(commitment))
            : CommitmentStatusOn(index, date);
    }

    /// <summary><see cref="CommitmentStatusOn(CreditCommitment, LocalDate)"/> by index.</summary>
    internal CommitmentStatus CommitmentStatusOn(int index, LocalDate date)
    {
        var commitment = Commitments[index];
        var status = commitment.StatusOn(date);
        return status is not (CommitmentStatus.NotYetMade or CommitmentStatus.Breached) && RecordedBreach(index) is { } breach && breach.ExistsOn(date)
            ? CommitmentStatus.Breached
            : status;
    }

    /// <summary>The record that stands for the breach of commitment number <paramref name="index"/>, or <see langword="null"/>.</summary>
    internal CreditRecord? RecordedBreach(int index) => _recordedBreaches?[index];

    /// <summary>
    /// What is wrong with the links from <c>commitment-breach</c> records to commitments (contract v2): each
    /// names a commitment of the profile, signed on or before the breach (a breach of a commitment never
    /// signed is an input error, C3), and no two records name the same commitment. Each problem comes with
    /// the index of the record at fault. Linear in the number of records and commitments.
    /// </summary>
    internal static List<(int Record, FieldProblem Problem)>? BreachLinkProblems(IReadOnlyList<CreditRecord> records, IReadOnlyList<CreditCommitment> commitments, bool zh = false)
    {
        List<(int, FieldProblem)>? problems = null;
        Dictionary<string, int>? index = null;
        Dictionary<string, string>? linkedBy = null;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].CommitmentId is not { } id)
            {
                continue;
            }

            index ??= IndexById(commitments);
            linkedBy ??= new Dictionary<string, string>(StringComparer.Ordinal);
            string? message = null;
            if (!index.TryGetValue(id, out var at))
            {
                message = Messages.Get(zh, "profile.no-such-commitment", id);
            }
            else if (commitments[at].SignedOn is not { } signed || signed > records[i].DecidedOn)
            {
                message = Messages.Get(zh, "profile.breach-not-signed", id, IsoDate.Format(records[i].DecidedOn));
            }
            else if (!linkedBy.TryAdd(id, records[i].Id))
            {
                message = Messages.Get(zh, "profile.breach-twice", linkedBy[id], id);
            }

            if (message is not null)
            {
                (problems ??= []).Add((i, new FieldProblem("commitmentId", message)));
            }
        }

        return problems;
    }

    /// <summary>The records as evaluated, and per commitment the record that stands for its breach (see <see cref="EvaluatedRecords"/>).</summary>
    private static (ImmutableArray<CreditRecord> Evaluated, CreditRecord?[]? Breaches) LinkBreaches(ImmutableArray<CreditRecord> records, ImmutableArray<CreditCommitment> commitments)
    {
        CreditRecord[]? evaluated = null;
        CreditRecord?[]? breaches = null;
        Dictionary<string, int>? index = null;
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            if (record.CommitmentId is not { } id || !(index ??= IndexById(commitments)).TryGetValue(id, out var at))
            {
                continue;
            }

            var commitment = commitments[at];
            var repaired = record.RepairedOn ?? (commitment.BreachRepairedOn >= record.DecidedOn ? commitment.BreachRepairedOn : null);
            var falseCommitment = record.FalseCommitment || commitment.FalseCommitment;
            var merged = (record.StatedSeverity is null && commitment.BreachSeverity is not null) || record.RepairedOn != repaired || record.FalseCommitment != falseCommitment
                ? new CreditRecord(record.Id, record.Category, record.DecidedOn, record.StatedSeverity ?? commitment.BreachSeverity, record.Authority, record.PublicUntil, repaired, id, falseCommitment)
                : record;
            (evaluated ??= [.. records])[i] = merged;
            (breaches ??= new CreditRecord?[commitments.Length])[at] = merged;
        }

        return (evaluated is null ? records : ImmutableCollectionsMarshal.AsImmutableArray(evaluated), breaches);
    }

    private static Dictionary<string, int> IndexById(IReadOnlyList<CreditCommitment> commitments)
    {
        var index = new Dictionary<string, int>(commitments.Count, StringComparer.Ordinal);
        for (var i = 0; i < commitments.Count; i++)
        {
            index.TryAdd(commitments[i].Id, i);
        }

        return index;
    }

    /// <summary>The subject, masked where personal (R8).</summary>
    public override string ToString() => $"Profile of {Subject}: {Records.Length} records, {Reports.Length} reports, {Commitments.Length} commitments";
}
