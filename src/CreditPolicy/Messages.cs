using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CreditPolicy;

/// <summary>
/// The library's messages in English and Chinese (contract v2, <c>--lang zh|en</c>): <c>Resources/messages.en.json</c>
/// and <c>Resources/messages.zh.json</c>, embedded in the assembly, flat objects of message key to text with
/// <c>{0}</c>-style placeholders, read once. Callers resolve the language once (<see cref="IsChinese"/>) and pass the flag.
/// </summary>
internal static class Messages
{
    private static readonly FrozenDictionary<string, string> English = Load(false);

    private static readonly FrozenDictionary<string, string> Chinese = Load(true);

    /// <summary>The logical name of each language's resource.</summary>
    internal static string ResourceName(bool chinese) => chinese ? "CreditPolicy.Resources.messages.zh.json" : "CreditPolicy.Resources.messages.en.json";

    /// <summary>Whether <paramref name="culture"/> asks for Chinese: its name starts with <c>zh</c>; <see langword="null"/> is English.</summary>
    internal static bool IsChinese(CultureInfo? culture) => culture is not null && culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>All texts of a language, by key.</summary>
    internal static FrozenDictionary<string, string> All(bool chinese) => chinese ? Chinese : English;

    /// <summary>The text of <paramref name="key"/>, formatted with <paramref name="args"/> (invariant culture); the raw text when there are none.</summary>
    internal static string Get(bool chinese, string key, params object?[] args)
    {
        if (!All(chinese).TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"The library has no message '{key}'.");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>A period as a message shows it: ISO 8601 in English (<c>P1Y</c>), in years, months and days in Chinese (<c>1 年</c>).</summary>
    internal static string Period(bool chinese, NodaTime.Period period)
    {
        if (!chinese)
        {
            return period.ToString();
        }

        var parts = new List<string>(3);
        if (period.Years != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{period.Years} 年"));
        }

        if (period.Months != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{period.Months} 个月"));
        }

        if (period.Weeks != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{period.Weeks} 周"));
        }

        if (period.Days != 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{period.Days} 天"));
        }

        return string.Join(" ", parts);
    }

    private static FrozenDictionary<string, string> Load(bool chinese)
    {
        var name = ResourceName(chinese);
        using var stream = typeof(Messages).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the library.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            texts.Add(property.Name, property.Value.GetString() ?? string.Empty);
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
