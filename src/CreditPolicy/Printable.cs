using System.Text;

namespace CreditPolicy;

/// <summary>Text from input made safe to print: control characters (an ANSI escape, a bell) never reach output raw (contract v2).</summary>
internal static class Printable
{
    /// <summary><paramref name="text"/> with every control character written as <c>\uXXXX</c>; the same string when it has none.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = 0;
        while (first < text.Length && !char.IsControl(text[first]))
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
            _ = char.IsControl(c) ? result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)) : result.Append(c);
        }

        return result.ToString();
    }
}
