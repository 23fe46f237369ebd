using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy;

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
                throw new ArgumentException($"Id '{id}' is used twice in the profile; record, report and commitment ids must be unique.", nameof(records));
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
        _breachRecorded = BreachRecorded(Records, Commitments);
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
        _breachRecorded = BreachRecorded(records, commitments);
    }

    // Per commitment: whether a commitment-breach record of the profile stands for its breach; null when none does.
    private readonly bool[]? _breachRecorded;

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

    /// <summary>Whether a <c>commitment-breach</c> record of the profile stands for the breach of commitment number <paramref name="index"/> (then the record counts, not the commitment's own breach).</summary>
    internal bool IsBreachRecorded(int index) => _breachRecorded is { } recorded && recorded[index];

    /// <summary>
    /// What is wrong with the links from <c>commitment-breach</c> records to commitments (contract v2): each
    /// names a commitment of the profile, signed on or before the breach (a breach of a commitment never
    /// signed is an input error, C3), and no two records name the same commitment. Each problem comes with
    /// the index of the record at fault.
    /// </summary>
    internal static List<(int Record, FieldProblem Problem)>? BreachLinkProblems(IReadOnlyList<CreditRecord> records, IReadOnlyList<CreditCommitment> commitments)
    {
        List<(int, FieldProblem)>? problems = null;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].CommitmentId is not { } id)
            {
                continue;
            }

            var index = IndexOf(commitments, id);
            string? message = null;
            if (index < 0)
            {
                message = $"No commitment of this profile has the id '{id}'.";
            }
            else if (commitments[index].SignedOn is not { } signed || signed > records[i].DecidedOn)
            {
                message = $"Commitment '{id}' was not signed by {IsoDate.Format(records[i].DecidedOn)}: a commitment that never took effect cannot be breached (C3).";
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(records[j].CommitmentId, id, StringComparison.Ordinal))
                    {
                        message = $"Record '{records[j].Id}' already stands for the breach of commitment '{id}'; one breach is one record.";
                        break;
                    }
                }
            }

            if (message is not null)
            {
                (problems ??= []).Add((i, new FieldProblem("commitmentId", message)));
            }
        }

        return problems;
    }

    private static bool[]? BreachRecorded(IReadOnlyList<CreditRecord> records, IReadOnlyList<CreditCommitment> commitments)
    {
        bool[]? recorded = null;
        foreach (var record in records)
        {
            if (record.CommitmentId is { } id && IndexOf(commitments, id) is >= 0 and var index)
            {
                (recorded ??= new bool[commitments.Count])[index] = true;
            }
        }

        return recorded;
    }

    private static int IndexOf(IReadOnlyList<CreditCommitment> commitments, string id)
    {
        for (var i = 0; i < commitments.Count; i++)
        {
            if (string.Equals(commitments[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The subject, masked where personal (R8).</summary>
    public override string ToString() => $"Profile of {Subject}: {Records.Length} records, {Reports.Length} reports, {Commitments.Length} commitments";
}
