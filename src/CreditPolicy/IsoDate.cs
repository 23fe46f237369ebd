using NodaTime;
using NodaTime.Text;

namespace CreditPolicy;

/// <summary>ISO-8601 calendar dates (<c>YYYY-MM-DD</c>), the contract's only date format.</summary>
internal static class IsoDate
{
    /// <summary>The date as <c>YYYY-MM-DD</c>; years outside 1–9999 as NodaTime's ISO pattern writes them.</summary>
    internal static string Format(LocalDate date) =>
        date.Year is < 1 or > 9999
            ? LocalDatePattern.Iso.Format(date)
            : string.Create(10, date, static (text, d) => Write(text, d));

    /// <summary>Writes a date of years 1–9999 as <c>YYYY-MM-DD</c> into the first ten characters of <paramref name="text"/>.</summary>
    internal static void Write(System.Span<char> text, LocalDate date)
    {
        Digits(text[..4], date.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), date.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), date.Day);
    }

    internal static string Format(LocalDate? date) => date is { } d ? Format(d) : "none";

    private static void Digits(System.Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
