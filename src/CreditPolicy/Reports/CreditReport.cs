using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Reports;

/// <summary>
/// A credit report (信用报告, R3): a rating or assessment of an enterprise or a person issued by a credit
/// service agency. It counts only while valid and only when its agency is filed with the PBoC.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CreditReport
{
    /// <summary>Creates a report.</summary>
    /// <exception cref="ArgumentException">A value is missing or <paramref name="validUntil"/> is before <paramref name="issuedOn"/>.</exception>
    public CreditReport(string id, CreditReportKind kind, CreditServiceAgency agency, CreditRating rating, LocalDate issuedOn, LocalDate validUntil)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        Agency = Guard.Against.Null(agency);
        if (rating.Grade == 0)
        {
            throw new ArgumentException("A rating is required.", nameof(rating));
        }

        if (Problems(issuedOn, validUntil) is [var problem, ..])
        {
            throw new ArgumentException(problem.ToString(), problem.Field);
        }

        Rating = rating;
        IssuedOn = issuedOn;
        ValidUntil = validUntil;
    }

    private string?[]? _warnings;
    private FiledAnswer? _filed;

    /// <summary>Identifier, unique in its profile; cited as evidence.</summary>
    public string Id { get; }

    /// <summary>Enterprise or personal report.</summary>
    public CreditReportKind Kind { get; }

    /// <summary>The issuing agency as the report names it.</summary>
    public CreditServiceAgency Agency { get; }

    /// <summary>The rating it gives.</summary>
    public CreditRating Rating { get; }

    /// <summary>The day it was issued.</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>Last day of its validity (inclusive).</summary>
    public LocalDate ValidUntil { get; }

    /// <summary>
    /// Whether it counts as a credit report on <paramref name="date"/> (contract, R3):
    /// <c>issuedOn &lt;= date &lt;= validUntil</c> and the agency's filing number is in <paramref name="registry"/>.
    /// When several reasons apply, the first of not yet issued, expired, agency not filed is given.
    /// </summary>
    public ReportStanding StandingOn(LocalDate date, FiledAgencyRegistry registry)
    {
        Guard.Against.Null(registry);
        if (date < IssuedOn)
        {
            return ReportStanding.NotYetIssued;
        }

        if (date > ValidUntil)
        {
            return ReportStanding.Expired;
        }

        // Remember the answer of the last registry asked: evaluations ask the same registry again and again.
        var cached = _filed;
        if (!ReferenceEquals(cached?.Registry, registry))
        {
            _filed = cached = new FiledAnswer(registry, registry.IsFiled(Agency.FilingNumber));
        }

        return cached!.Filed ? ReportStanding.Counts : ReportStanding.AgencyNotFiled;
    }

    /// <summary>Why this report does not count with the given standing, in a sentence; <see langword="null"/> when it counts.</summary>
    public string? Explain(ReportStanding standing) => standing switch
    {
        ReportStanding.Counts => null,
        ReportStanding.NotYetIssued => $"Report {Id} is issued on {IsoDate.Format(IssuedOn)}, after the evaluation date.",
        ReportStanding.Expired => $"Report {Id} expired on {IsoDate.Format(ValidUntil)}.",
        ReportStanding.AgencyNotFiled => $"Report {Id} is from {Agency.Name} (filing number {Agency.FilingNumber}), which is not in the registry of filed credit service agencies (R3).",
        _ => throw new ArgumentOutOfRangeException(nameof(standing)),
    };

    /// <summary>The decision warning for a report that does not count, made once per standing and kept (the report is immutable).</summary>
    internal string WarningFor(ReportStanding standing)
    {
        var warnings = _warnings ??= new string?[4];
        return warnings[(int)standing] ??= Explain(standing) + " It is ignored.";
    }

    /// <summary>Every problem with a report's dates, by contract field name.</summary>
    public static IEnumerable<FieldProblem> Check(LocalDate issuedOn, LocalDate validUntil) => Problems(issuedOn, validUntil) ?? [];

    /// <summary>The problems <see cref="Check"/> lists, or <see langword="null"/> when there is none (no allocation then).</summary>
    internal static List<FieldProblem>? Problems(LocalDate issuedOn, LocalDate validUntil)
    {
        List<FieldProblem>? problems = null;
        if (validUntil < issuedOn)
        {
            (problems ??= []).Add(new FieldProblem("validUntil", $"The report is valid until {IsoDate.Format(validUntil)}, before it was issued ({IsoDate.Format(issuedOn)})."));
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Kind} {Rating} by {Agency.Name}";

    private sealed record FiledAnswer(FiledAgencyRegistry Registry, bool Filed);
}
