using System;
using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// The regime in force on one day, turned into integers: for each kind and class of information, the
/// earliest decision day whose publicity still runs on that day. A record decided earlier has reached its
/// maximum. Computed once per evaluation day, so that the hot loop compares day numbers only.
/// </summary>
internal sealed class PublicityCutoffs
{
    /// <summary>No maximum: every decision day is late enough.</summary>
    internal const int NoMaximum = int.MinValue;

    private readonly int[] _earliest = new int[9];

    internal PublicityCutoffs(LocalDate day, PublicityRegime? regime)
    {
        Date = day;
        Day = DayNumber.Of(day);
        Regime = regime;
        for (var information = 0; information < 3; information++)
        {
            for (var severity = 1; severity <= 3; severity++)
            {
                var index = PublicityRegime.Index((PublicityInformation)information, (RecordSeverity)severity);
                _earliest[index] = PublicityRegime.MaximumFor(regime, (PublicityInformation)information, (RecordSeverity)severity) is { } maximum
                    ? DayNumber.Of(EarliestDecision(day, maximum))
                    : NoMaximum;
            }
        }
    }

    /// <summary>The day.</summary>
    internal LocalDate Date { get; }

    /// <summary>Its day number.</summary>
    internal int Day { get; }

    /// <summary>The regime in force that day, if any.</summary>
    internal PublicityRegime? Regime { get; }

    /// <summary>The earliest decision day number still published on the day, for an index of <see cref="PublicityRegime.Index"/>.</summary>
    internal int EarliestFor(int index) => _earliest[index];

    /// <summary>
    /// The earliest decision day <c>t</c> with <c>t + maximum &gt; day</c>, i.e. whose last day of publicity,
    /// <c>t + maximum - 1</c>, is on or after <paramref name="day"/>. Adding months is monotone but not
    /// invertible at month ends, so the inverse is found by stepping from <c>day - maximum</c>.
    /// </summary>
    private static LocalDate EarliestDecision(LocalDate day, Period maximum)
    {
        LocalDate t;
        try
        {
            t = day.Minus(maximum);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return LocalDate.MinIsoValue; // the day is within one maximum of the calendar's start: every decision is still published
        }

        // Published on the day: its last day, t + maximum - 1 (the calendar's end at most), is on or after it.
        while (t > LocalDate.MinIsoValue && PublicityRegime.LastDay(t, maximum) >= day)
        {
            t = t.PlusDays(-1);
        }

        while (PublicityRegime.LastDay(t, maximum) < day)
        {
            t = t.PlusDays(1);
        }

        return t;
    }
}
