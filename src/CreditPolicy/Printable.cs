using System.Text;

namespace CreditPolicy;

/// <summary>
/// Text from input made safe to print: control characters (an ANSI escape, a bell) and the bidirectional
/// formatting characters that reorder a line on screen (U+202A–U+202E, U+2066–U+2069, "Trojan Source")
/// never reach output raw (contract v2).
/// </summary>
internal static class Printable
{
    /// <summary><paramref name="text"/> with every control or bidirectional formatting character written as <c>\uXXXX</c>; the same string when it has none.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = 0;
        while (first < text.Length && !Unsafe(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            _ = Unsafe(c) ? result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)) : result.Append(c);
        }

        return result.ToString();
    }

    private static bool Unsafe(char c) => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
