using NodaTime;
using NodaTime.Text;

namespace CreditPolicy;

/// <summary>ISO-8601 calendar dates (<c>YYYY-MM-DD</c>), the contract's only date format.</summary>
internal static class IsoDate
{
    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Format(LocalDate? date) => date is { } d ? Format(d) : "none";
}
