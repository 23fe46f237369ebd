using System;
using System.Collections.Generic;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Reports;

/// <summary>
/// A credit report (信用报告, R3): a rating or assessment of an enterprise or a person issued by a credit
/// service agency filed with the PBoC, or the enterprise or personal credit report of the PBoC Credit
/// Reference Center. It counts only while valid, and a filed agency's report only when its agency is in the
/// registry of filed agencies.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CreditReport
{
    // Its warning texts, made once (KeptTexts alone reads and writes this).
    private KeptTexts.Memo? _kept;

    /// <summary>Creates a report from a filed credit service agency.</summary>
    /// <exception cref="ArgumentException">A value is missing or <paramref name="validUntil"/> is before <paramref name="issuedOn"/>.</exception>
    public CreditReport(string id, CreditReportKind kind, CreditServiceAgency agency, CreditRating rating, LocalDate issuedOn, LocalDate validUntil)
        : this(id, kind, ReportSource.FiledAgency, Guard.Against.Null(agency), rating.Grade == 0 ? null : rating, issuedOn, validUntil)
    {
    }

    private CreditReport(string id, CreditReportKind kind, ReportSource source, CreditServiceAgency? agency, CreditRating? rating, LocalDate issuedOn, LocalDate validUntil)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        if (Check(source, agency is not null, rating is not null, issuedOn, validUntil) is [var problem, ..])
        {
            throw new ArgumentException(problem.ToString(), problem.Field);
        }

        Source = source;
        Agency = agency;
        Rating = rating;
        IssuedOn = issuedOn;
        ValidUntil = validUntil;
    }

    /// <summary>
    /// Creates a report of the PBoC Credit Reference Center (征信中心): the enterprise or personal credit
    /// report R3 names, which counts without a filed agency or a rating (contract v2).
    /// </summary>
    /// <exception cref="ArgumentException">A value is missing or <paramref name="validUntil"/> is before <paramref name="issuedOn"/>.</exception>
    public static CreditReport FromCreditReferenceCenter(string id, CreditReportKind kind, LocalDate issuedOn, LocalDate validUntil) =>
        new(id, kind, ReportSource.CreditReferenceCenter, null, null, issuedOn, validUntil);


    /// <summary>Identifier, unique in its profile; cited as evidence.</summary>
    public string Id { get; }

    /// <summary>Enterprise or personal report.</summary>
    public CreditReportKind Kind { get; }

    /// <summary>Who issued it.</summary>
    public ReportSource Source { get; }

    /// <summary>The issuing agency as the report names it; <see langword="null"/> for a Credit Reference Center report.</summary>
    public CreditServiceAgency? Agency { get; }

    /// <summary>The rating it gives; <see langword="null"/> for a Credit Reference Center report.</summary>
    public CreditRating? Rating { get; }

    /// <summary>The day it was issued.</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>Last day of its validity (inclusive).</summary>
    public LocalDate ValidUntil { get; }

    /// <summary>
    /// Whether it counts as a credit report on <paramref name="date"/> (contract, R3):
    /// <c>issuedOn &lt;= date &lt;= validUntil</c> and, for a filed agency's report, the agency's filing number
    /// is in <paramref name="registry"/>.
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

        if (Agency is null)
        {
            return ReportStanding.Counts;
        }

        return registry.IsFiled(Agency.FilingNumber) ? ReportStanding.Counts : ReportStanding.AgencyNotFiled;
    }

    /// <summary>Why this report does not count with the given standing, in a sentence; <see langword="null"/> when it counts.</summary>
    /// <param name="standing">The report's standing on the day.</param>
    /// <param name="culture">The language of the sentence: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    public string? Explain(ReportStanding standing, CultureInfo? culture = null) => ExplainIn(standing, Messages.IsChinese(culture));

    /// <summary>
    /// The decision warning for this report when it does not count with <paramref name="standing"/>; kept beside
    /// the report when <paramref name="keep"/> (<see cref="KeptTexts"/>), made afresh otherwise (a stream meets each report once).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // a rare path: kept out of evaluation's frame
    internal string Warning(ReportStanding standing, bool zh = false, bool keep = false) =>
        keep
            ? KeptTexts.Get(ref _kept, null, (int)standing + (zh ? 4 : 0), (this, standing, zh), static s => s.Item1.MakeWarning(s.standing, s.zh))
            : MakeWarning(standing, zh);

    private string MakeWarning(ReportStanding standing, bool zh) => Messages.Get(zh, "report.ignored", ExplainIn(standing, zh));

    internal string? ExplainIn(ReportStanding standing, bool zh) => standing switch
    {
        ReportStanding.Counts => null,
        ReportStanding.NotYetIssued => Messages.Get(zh, "report.not-yet-issued", Id, IsoDate.Format(IssuedOn)),
        ReportStanding.Expired => Messages.Get(zh, "report.expired", Id, IsoDate.Format(ValidUntil)),
        ReportStanding.AgencyNotFiled => Messages.Get(zh, "report.agency-not-filed", Id, Agency?.Name, Agency?.FilingNumber),
        _ => throw new ArgumentOutOfRangeException(nameof(standing)),
    };

    /// <summary>Every problem with a report's source, agency, rating and dates, by contract field name. The one source of these rules: the constructor throws on the first, the profile reader reports each at its field. Empty, without allocating, when there is none.</summary>
    public static IReadOnlyList<FieldProblem> Check(ReportSource source, bool hasAgency, bool hasRating, LocalDate issuedOn, LocalDate validUntil) =>
        CheckIn(source, hasAgency, hasRating, issuedOn, validUntil, zh: false);

    /// <summary>The problems of <see cref="Check"/>, in Chinese when <paramref name="zh"/>.</summary>
    internal static IReadOnlyList<FieldProblem> CheckIn(ReportSource source, bool hasAgency, bool hasRating, LocalDate issuedOn, LocalDate validUntil, bool zh)
    {
        List<FieldProblem>? problems = null;
        if (source == ReportSource.FiledAgency)
        {
            if (!hasAgency)
            {
                (problems ??= []).Add(new FieldProblem("agency", Messages.Get(zh, "report.agency-required")));
            }

            if (!hasRating)
            {
                (problems ??= []).Add(new FieldProblem("rating", Messages.Get(zh, "report.rating-required")));
            }
        }
        else
        {
            if (hasAgency)
            {
                (problems ??= []).Add(new FieldProblem("agency", Messages.Get(zh, "report.crc-no-agency")));
            }

            if (hasRating)
            {
                (problems ??= []).Add(new FieldProblem("rating", Messages.Get(zh, "report.crc-no-rating")));
            }
        }

        if (validUntil < issuedOn)
        {
            (problems ??= []).Add(new FieldProblem("validUntil", Messages.Get(zh, "report.valid-before-issued", IsoDate.Format(validUntil), IsoDate.Format(issuedOn))));
        }

        // Not `? [] :` — typed by `problems`, that would allocate an empty List for every valid item read.
        return problems is null ? Array.Empty<FieldProblem>() : problems;
    }

    /// <inheritdoc />
    public override string ToString() => Subjects.PersonalIds.Mask(Agency is null ? $"{Id} {Kind} by the PBoC Credit Reference Center" : $"{Id} {Kind} {Rating} by {Agency.Name}"); // R8
}
