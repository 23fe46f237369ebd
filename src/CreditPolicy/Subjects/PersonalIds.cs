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
        if (text.Length < ResidentIdentityNumber.Length || !HasSeventeenDigitsInARow(text))
        {
            return text;
        }

        // Every window of 18 that is a valid number is masked, overlapping ones too: masking the first of two
        // overlapping numbers leaves its last digits shown, and they may begin the second (issue 14).
        char[]? masked = null;
        for (var i = 0; i + ResidentIdentityNumber.Length <= text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i])
                && ResidentIdentityNumber.HasShape(text.AsSpan(i, ResidentIdentityNumber.Length))
                && ResidentIdentityNumber.TryParse(text.Substring(i, ResidentIdentityNumber.Length), out _))
            {
                masked ??= text.ToCharArray();
                masked.AsSpan(i + mask.KeepLeading, ResidentIdentityNumber.Length - mask.KeepLeading - mask.KeepTrailing).Fill(mask.MaskCharacter);
            }
        }

        return masked is null ? text : new string(masked);
    }

    /// <summary>
    /// <paramref name="text"/> with every run shaped like a resident identity number (17 digits and a digit
    /// or X), valid or not, replaced by a placeholder: for messages about rejected input.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < ResidentIdentityNumber.Length || !HasSeventeenDigitsInARow(text))
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i + ResidentIdentityNumber.Length <= text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && ResidentIdentityNumber.HasShape(text.AsSpan(i, ResidentIdentityNumber.Length)))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, i - copied).Append(RedactedPlaceholder);
                copied = i + ResidentIdentityNumber.Length;
                i = copied - 1;
            }
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
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
    /// Whether <paramref name="text"/> holds 17 ASCII digits in a row, as every run shaped like a resident
    /// identity number begins: most text written (names, ids, dates, warnings) has none, and is passed over
    /// by looking at one character in every 17 instead of every character.
    /// </summary>
    internal static bool HasSeventeenDigitsInARow(ReadOnlySpan<char> text)
    {
        // Seventeen characters in a row include one at a position 16, 33, 50, … (one in every 17): look only
        // there, and measure the run of digits around a digit found. Most text written (names, ids, dates,
        // sentences) is settled in a look or two (issue 14).
        for (var probe = 16; probe < text.Length; probe += 17)
        {
            if (!char.IsAsciiDigit(text[probe]))
            {
                continue;
            }

            var start = probe;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }

            var end = probe + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start >= 17)
            {
                return true;
            }
        }

        return false;
    }
}
