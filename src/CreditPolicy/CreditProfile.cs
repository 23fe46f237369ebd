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
    /// <exception cref="ArgumentException">Two items share an id, or a convenience is listed twice.</exception>
    public CreditProfile(
        Subject subject,
        IEnumerable<CreditRecord>? records = null,
        IEnumerable<CreditReport>? reports = null,
        IEnumerable<CreditCommitment>? commitments = null,
        IEnumerable<Convenience>? conveniences = null)
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
    }

    /// <summary>A profile from parts already checked (by <see cref="Serialization.ProfileJson"/>): no copying, no re-checking.</summary>
    internal CreditProfile(
        Subject subject,
        ImmutableArray<CreditRecord> records,
        ImmutableArray<CreditReport> reports,
        ImmutableArray<CreditCommitment> commitments,
        ImmutableArray<Convenience> conveniences,
        bool alreadyChecked)
    {
        Debug.Assert(alreadyChecked, "Only for parts whose ids and conveniences are known to be unique.");
        Subject = subject;
        Records = records;
        Reports = reports;
        Commitments = commitments;
        Conveniences = conveniences;
    }

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

    /// <summary>The subject, masked where personal (R8).</summary>
    public override string ToString() => $"Profile of {Subject}: {Records.Length} records, {Reports.Length} reports, {Commitments.Length} commitments";
}
