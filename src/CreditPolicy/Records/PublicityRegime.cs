using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// One national regime of publicity periods for negative credit information (R2: only lawfully published
/// information is a credit record), in force from a day until the next regime: e.g. NDRC Order No. 36 of
/// 2025 (信用修复管理办法), in force from 2026-04-01. It gives the maximum publicity period per kind of
/// information and class; at the maximum, publicity stops by itself.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PublicityRegime
{
    private readonly Period?[] _maxima = new Period?[9];

    /// <summary>Creates a regime.</summary>
    /// <param name="id">A stable id, e.g. <c>ndrc-order-36-2025</c>.</param>
    /// <param name="source">The document it comes from, cited in decisions' warnings (Chinese title and number).</param>
    /// <param name="effectiveFrom">The first day it is in force.</param>
    /// <param name="maxima">The maximum periods; a kind and class without one has no maximum under this regime.</param>
    /// <param name="basis">What the text says, in its words or a faithful summary, for staff to check.</param>
    /// <exception cref="ArgumentException">A value is missing, a period is not positive or has time units, or a kind and class is given twice.</exception>
    public PublicityRegime(string id, string source, LocalDate effectiveFrom, IEnumerable<PublicityMaximum> maxima, string? basis = null)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Source = Guard.Against.NullOrWhiteSpace(source);
        Guard.Against.Null(maxima);
        EffectiveFrom = effectiveFrom;
        Basis = string.IsNullOrWhiteSpace(basis) ? null : basis;
        var list = ImmutableArray.CreateBuilder<PublicityMaximum>();
        foreach (var maximum in maxima)
        {
            if (CheckPeriod(maximum.Maximum) is { } problem)
            {
                throw new ArgumentException(problem, nameof(maxima));
            }

            ref var slot = ref _maxima[Index(maximum.Information, maximum.Class)];
            if (slot is not null)
            {
                throw new ArgumentException($"The maximum for {maximum.Information} {maximum.Class} information is given twice.", nameof(maxima));
            }

            slot = maximum.Maximum;
            list.Add(maximum);
        }

        Maxima = list.ToImmutable();
    }

    /// <summary>
    /// The contract's maximum for minor information where an authority publishes it, three months (Order
    /// No. 36): it applies under every regime, also where the regime's data leaves minor information out.
    /// </summary>
    public static Period MinorMaximum { get; } = Period.FromMonths(3);

    /// <summary>The regime's id.</summary>
    public string Id { get; }

    /// <summary>The document it comes from.</summary>
    public string Source { get; }

    /// <summary>The first day it is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>What the text says about the periods, if given.</summary>
    public string? Basis { get; }

    /// <summary>Every maximum the regime gives.</summary>
    public ImmutableArray<PublicityMaximum> Maxima { get; }

    /// <summary>
    /// The maximum publicity period of a kind and class of information, or <see langword="null"/> when this
    /// regime sets none; for minor information never more than <see cref="MinorMaximum"/>.
    /// </summary>
    public Period? MaximumFor(PublicityInformation information, RecordSeverity severity) => MaximumFor(this, information, severity);

    /// <summary><see cref="MaximumFor(PublicityInformation, RecordSeverity)"/> of a regime, or of no regime at all (before the first).</summary>
    internal static Period? MaximumFor(PublicityRegime? regime, PublicityInformation information, RecordSeverity severity) =>
        MaximumAndSource(regime, information, severity).Maximum;

    /// <summary>The source cited for minor information's three months when the regime sets no shorter maximum (shown in Chinese by <see cref="Messages"/>).</summary>
    internal const string MinorSource = "contract v2: minor information is published at most three months";

    /// <summary>The maximum and the text it comes from: the regime's, or for minor information the contract's three months.</summary>
    internal static (Period? Maximum, string? Source) MaximumAndSource(PublicityRegime? regime, PublicityInformation information, RecordSeverity severity)
    {
        var given = regime?._maxima[Index(information, severity)];
        if (severity != RecordSeverity.Minor
            || (given is not null && LastDay(new LocalDate(2000, 1, 1), given) <= LastDay(new LocalDate(2000, 1, 1), MinorMaximum)))
        {
            return (given, given is null ? null : regime!.Source);
        }

        return (MinorMaximum, MinorSource);
    }

    /// <summary>
    /// The last day of publicity of information decided on <paramref name="decidedOn"/> under this regime:
    /// the day before <c>decidedOn + maximum</c> (the calendar's last day when that lies beyond it);
    /// <see langword="null"/> when the regime sets no maximum.
    /// </summary>
    public LocalDate? LastDayFor(PublicityInformation information, RecordSeverity severity, LocalDate decidedOn) =>
        MaximumFor(information, severity) is { } maximum ? LastDay(decidedOn, maximum) : null;

    /// <summary><c>decidedOn + maximum - 1 day</c>, or the calendar's last day when <c>decidedOn + maximum</c> lies beyond it.</summary>
    internal static LocalDate LastDay(LocalDate decidedOn, Period maximum)
    {
        try
        {
            return decidedOn.Plus(maximum).PlusDays(-1);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return LocalDate.MaxIsoValue;
        }
    }

    /// <summary>What is wrong with a period as a maximum publicity period, or <see langword="null"/>.</summary>
    public static string? CheckPeriod(Period? period) => CheckPeriodIn(period, zh: false);

    /// <summary>The problem of <see cref="CheckPeriod"/>, in Chinese when <paramref name="zh"/>.</summary>
    internal static string? CheckPeriodIn(Period? period, bool zh)
    {
        if (period is null)
        {
            return Messages.Get(zh, "period.required");
        }

        if (period.HasTimeComponent || period.Weeks != 0)
        {
            return Messages.Get(zh, "period.units", period);
        }

        if (period.Years < 0 || period.Months < 0 || period.Days < 0 || period.Years + period.Months + period.Days == 0
            || (period.Years * 12L) + period.Months + (period.Days / 31L) > 1200)
        {
            return Messages.Get(zh, "period.range", period);
        }

        return null;
    }

    internal static int Index(PublicityInformation information, RecordSeverity severity)
    {
        if (!Enum.IsDefined(information))
        {
            throw new ArgumentOutOfRangeException(nameof(information));
        }

        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity));
        }

        return ((int)information * 3) + (int)severity - 1;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} from {IsoDate.Format(EffectiveFrom)}";
}
