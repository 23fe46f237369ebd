using System;
using NodaTime;

namespace CreditPolicy;

/// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>) of an ISO calendar date, for integer comparisons on hot paths.</summary>
internal static class DayNumber
{
    internal static int Of(LocalDate date) => date.ToDateOnly().DayNumber;
}
