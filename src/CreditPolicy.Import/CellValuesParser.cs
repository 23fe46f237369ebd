using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.Import;

/// <summary>Dates and amounts as exports write them (docs/import.md).</summary>
internal static class CellValuesParser
{
    private static readonly LocalDate ExcelEpoch = new(1899, 12, 30);

    private static readonly LocalDatePattern[] DatePatterns =
    [
        LocalDatePattern.CreateWithInvariantCulture("uuuu-M-d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu/M/d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu.M.d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu'年'M'月'd'日'"),
    ];

    /// <summary>
    /// A date written <c>2024-01-05</c>, <c>2024/1/5</c>, <c>2024.1.5</c>, <c>20240105</c>, <c>2024年1月5日</c>
    /// (a time of day after it ignored), or as a five-digit Excel serial day number (1900 date system: 45296 = 2024-01-05; with <paramref name="date1904"/>, as a workbook in the 1904 system has them, 1,462 days later).
    /// </summary>
    internal static LocalDate? Date(string text, bool date1904 = false)
    {
        var value = text.Trim();
        var space = value.IndexOfAny([' ', 'T']);
        if (space > 0 && value.Length > 8)
        {
            value = value[..space];
        }

        // Five digits, perhaps with a time of day as a fraction (45296.5): 1927-05-18 to 2173-10-14, never a year or yyyyMMdd.
        var whole = value.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? value[..dot] : value;
        if (whole.Length == 5 && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial >= 10000)
        {
            return ExcelEpoch.PlusDays((int)Math.Floor(serial) + (date1904 ? 1462 : 0));
        }

        foreach (var pattern in DatePatterns)
        {
            if (pattern.Parse(value) is { Success: true } parsed && parsed.Value.Year >= 1900)
            {
                return parsed.Value;
            }
        }

        return null;
    }

    /// <summary>An amount in 万元, not negative: digits with an optional decimal point (thousands separators and exponents as XLSX writes them allowed).</summary>
    internal static decimal? Amount(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? amount
            : null;

    /// <summary>Whether a validity end says "no end" (长期, 长期有效, 永久): no <c>publicUntil</c>.</summary>
    internal static bool NoEnd(string text) => text is "长期" or "长期有效" or "永久" or "永久有效";
}
