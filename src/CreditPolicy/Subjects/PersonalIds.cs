using System;
using System.Text;

namespace CreditPolicy.Subjects;

/// <summary>
/// Personal identity numbers in free text (contract v2, "Personal ids"; R8, C5): any run of 18 characters
/// that is a valid resident identity number is masked wherever it appears in output, whatever field holds
/// it; and a message never repeats a value that merely has the shape of one.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class PersonalIds
{
    /// <summary>
    /// <paramref name="text"/> with every valid resident identity number in it masked by
    /// <paramref name="mask"/> (<see cref="IdentityMask.Default"/> when <see langword="null"/>); the same
    /// string when it holds none.
    /// </summary>
    public static string Mask(string text, IdentityMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        mask ??= IdentityMask.Default;
        return Replace(text, mask, static (candidate, mask) => ResidentIdentityNumber.TryParse(candidate, out _) ? mask.Apply(candidate) : null);
    }

    /// <summary>
    /// <paramref name="text"/> with every run shaped like a resident identity number (17 digits and a digit
    /// or X), valid or not, replaced by a placeholder: for messages about rejected input.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Replace(text, RedactedPlaceholder, static (_, placeholder) => placeholder);
    }

    /// <summary>What <see cref="Redact"/> puts in place of a run shaped like a resident identity number.</summary>
    internal const string RedactedPlaceholder = "<resident-id-shaped value>";

    /// <summary>
    /// Input-derived <paramref name="text"/> as any output may show it: resident identity numbers masked
    /// (<see cref="Mask"/>) and control characters written as <c>\uXXXX</c>.
    /// </summary>
    public static string ForOutput(string text, IdentityMask? mask = null) => Printable.Escape(Mask(text, mask));

    /// <summary>A message about rejected input as it may be shown: id-shaped values redacted (<see cref="Redact"/>), control characters escaped.</summary>
    internal static string ForMessage(string message) => Printable.Escape(Redact(message));

    /// <summary>
    /// Replaces each 18-character run of digits (the last may be X), whatever stands next to it, for which
    /// <paramref name="replacement"/> gives a value. The state is passed, not captured: every decision masks several
    /// strings, and a closure per call was most of what writing a decision allocated.
    /// </summary>
    private static string Replace<TState>(string text, TState state, Func<string, TState, string?> replacement)
    {
        if (text.Length < 18)
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i + 18 <= text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var candidate = text.AsSpan(i, 18);
            if (!ResidentIdentityNumber.HasShape(candidate))
            {
                continue;
            }

            if (replacement(candidate.ToString(), state) is { } replaced)
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, i - copied).Append(replaced);
                copied = i + 18;
                i += 17;
            }
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
