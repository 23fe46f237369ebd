using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CreditPolicy.Import;

/// <summary>
/// The importer's messages in English and Chinese: <c>Resources/messages.en.json</c> and
/// <c>Resources/messages.zh.json</c>, embedded, flat objects of key to text with <c>{0}</c>-style placeholders.
/// </summary>
internal static class ImportMessages
{
    private static readonly FrozenDictionary<string, string> English = Load(false);

    private static readonly FrozenDictionary<string, string> Chinese = Load(true);

    /// <summary>Whether <paramref name="culture"/> asks for Chinese: its name starts with <c>zh</c>.</summary>
    internal static bool IsChinese(CultureInfo? culture) => culture is not null && culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>All texts of a language, by key.</summary>
    internal static FrozenDictionary<string, string> All(bool chinese) => chinese ? Chinese : English;

    /// <summary>The text of <paramref name="key"/>, formatted with <paramref name="args"/> (invariant culture).</summary>
    internal static string Get(bool chinese, string key, params object?[] args)
    {
        if (!All(chinese).TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"The importer has no message '{key}'.");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static FrozenDictionary<string, string> Load(bool chinese)
    {
        var name = chinese ? "CreditPolicy.Import.Resources.messages.zh.json" : "CreditPolicy.Import.Resources.messages.en.json";
        using var stream = typeof(ImportMessages).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the importer.");
        using var document = JsonDocument.Parse(stream);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            texts.Add(property.Name, property.Value.GetString() ?? string.Empty);
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
