using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// A credit record (信用记录, R2): data about a subject's credit standing lawfully published in the public
/// credit system, with its publicity period and any credit repair (信用修复).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CreditRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">Identifier, unique in its profile; cited as evidence.</param>
    /// <param name="category">Category, which fixes the polarity.</param>
    /// <param name="decidedOn">The day it was decided or published.</param>
    /// <param name="severity">Severity of a negative record; <see langword="null"/> takes the category's default. Not allowed on other records.</param>
    /// <param name="authority">Who decided or published it.</param>
    /// <param name="publicUntil">Last day of its publicity period; <see langword="null"/> for no end.</param>
    /// <param name="repairedOn">The day a credit repair took effect.</param>
    /// <exception cref="ArgumentException">A value is missing or contradicts another; the message names the field.</exception>
    public CreditRecord(
        string id,
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity = null,
        string? authority = null,
        LocalDate? publicUntil = null,
        LocalDate? repairedOn = null)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Category = Enum.IsDefined(category) ? category : throw new ArgumentOutOfRangeException(nameof(category));
        if (Problems(category, decidedOn, severity, publicUntil, repairedOn) is [var problem, ..])
        {
            throw new ArgumentException(problem.ToString(), problem.Field);
        }

        DecidedOn = decidedOn;
        _decided = DayNumber.Of(decidedOn);
        _lastActive = publicUntil is { } until ? DayNumber.Of(until) : int.MaxValue;
        _repaired = repairedOn is { } repaired ? DayNumber.Of(repaired) : int.MaxValue;
        StatedSeverity = severity;
        Authority = string.IsNullOrWhiteSpace(authority) ? null : authority;
        PublicUntil = publicUntil;
        RepairedOn = repairedOn;
    }

    // Day numbers of the dates (int.MaxValue for none), so that the evaluation's hot loop compares integers.
    private readonly int _decided;
    private readonly int _lastActive;
    private readonly int _repaired;

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

    /// <summary>Last day of the publicity period (inclusive); <see langword="null"/> for no end.</summary>
    public LocalDate? PublicUntil { get; }

    /// <summary>The day a credit repair (信用修复) took effect; the record is not active from that day on.</summary>
    public LocalDate? RepairedOn { get; }

    /// <summary>Whether the record exists on <paramref name="date"/>: it was decided on or before that day.</summary>
    public bool ExistsOn(LocalDate date) => DecidedOn <= date;

    /// <summary>
    /// Whether the record is active on <paramref name="date"/> (contract): decided on or before it, its
    /// publicity not yet over (<c>date &lt;= publicUntil</c>), and not repaired (<c>date &lt; repairedOn</c>).
    /// </summary>
    public bool IsActiveOn(LocalDate date) => IsActiveOn(DayNumber.Of(date));

    /// <summary><see cref="IsActiveOn(LocalDate)"/> for a day given as its <see cref="DayNumber"/>.</summary>
    internal bool IsActiveOn(int day) => _decided <= day && day <= _lastActive && day < _repaired;

    /// <summary>Every problem with a record's values, by contract field name.</summary>
    public static IEnumerable<FieldProblem> Check(
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity,
        LocalDate? publicUntil,
        LocalDate? repairedOn) => Problems(category, decidedOn, severity, publicUntil, repairedOn) ?? [];

    /// <summary>The problems <see cref="Check"/> lists, or <see langword="null"/> when there is none (no allocation then).</summary>
    internal static List<FieldProblem>? Problems(
        CreditRecordCategory category,
        LocalDate decidedOn,
        RecordSeverity? severity,
        LocalDate? publicUntil,
        LocalDate? repairedOn)
    {
        List<FieldProblem>? problems = null;
        if (severity is not null && category.Polarity() != RecordPolarity.Negative)
        {
            (problems ??= []).Add(new FieldProblem("severity", "Severity applies only to negative records."));
        }

        if (publicUntil < decidedOn)
        {
            (problems ??= []).Add(new FieldProblem("publicUntil", $"The publicity period ends ({IsoDate.Format(publicUntil)}) before the record was decided ({IsoDate.Format(decidedOn)})."));
        }

        if (repairedOn < decidedOn)
        {
            (problems ??= []).Add(new FieldProblem("repairedOn", $"Credit repair ({IsoDate.Format(repairedOn)}) cannot take effect before the record was decided ({IsoDate.Format(decidedOn)})."));
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Category} decided {IsoDate.Format(DecidedOn)}";
}
