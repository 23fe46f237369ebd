using System;
using NodaTime;

namespace CreditPolicy;

/// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>) of an ISO calendar date, for integer comparisons on hot paths.</summary>
internal static class DayNumber
{
    private static readonly LocalDate First = new(1, 1, 1);

    /// <summary>The day number; negative for the days NodaTime knows before 0001-01-01 (years 0 and earlier).</summary>
    internal static int Of(LocalDate date) =>
        date.Year >= 1 ? date.ToDateOnly().DayNumber : -Period.Between(date, First, PeriodUnits.Days).Days;
}
