using System;
using NodaTime;

namespace CreditPolicy.Serialization;

/// <summary>Reads the contract's dates, <c>YYYY-MM-DD</c> in UTF-8, without allocating.</summary>
internal static class IsoDateReader
{
    internal enum Outcome
    {
        Valid,
        Malformed,
        Impossible,
    }

    internal static Outcome TryRead(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return Outcome.Malformed;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return Outcome.Malformed;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return Outcome.Impossible;
        }

        date = new LocalDate(year, month, day);
        return Outcome.Valid;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
