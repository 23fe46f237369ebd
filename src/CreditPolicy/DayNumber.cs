using System;
using NodaTime;

namespace CreditPolicy;

/// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>) of an ISO calendar date, for integer comparisons on hot paths.</summary>
internal static class DayNumber
{
    private static readonly LocalDate First = new(1, 1, 1);

    /// <summary>The day number; negative for the days NodaTime knows before 0001-01-01 (years 0 and earlier).</summary>
    internal static int Of(LocalDate date)
    {
        // Days from 0001-01-01 in the proleptic Gregorian calendar (NodaTime's ISO calendar, year 0 = 1 BC), by
        // civil-date arithmetic (H. Hinnant's days_from_civil, shifted to the year 1): what DateOnly.DayNumber
        // gives from the year 1 on, and negative before it. No calendar lookups (issue 14: evaluation asks often).
        var (year, month, day) = (date.Year, date.Month, date.Day);
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 306;
    }

    /// <summary>The same day number by NodaTime's and the BCL's own arithmetic: what <see cref="Of"/> is held to.</summary>
    internal static int Reference(LocalDate date) =>
        date.Year >= 1 ? date.ToDateOnly().DayNumber : -Period.Between(date, First, PeriodUnits.Days).Days;
}
