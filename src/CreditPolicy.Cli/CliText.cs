using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CreditPolicy.Cli;

/// <summary>
/// The tool's own texts in English and Chinese: <c>Resources/cli.en.json</c> and <c>Resources/cli.zh.json</c>,
/// embedded in the assembly, flat objects of message key to text with <c>{0}</c>-style placeholders, read once.
/// </summary>
internal static class CliText
{
    /// <summary>The logical name of each language's resource.</summary>
    internal static string ResourceName(CliLanguage language) => language == CliLanguage.Chinese ? "CreditPolicy.Cli.Resources.cli.zh.json" : "CreditPolicy.Cli.Resources.cli.en.json";

    private static readonly FrozenDictionary<string, string> English = Load(CliLanguage.English);

    private static readonly FrozenDictionary<string, string> Chinese = Load(CliLanguage.Chinese);

    /// <summary>All texts of <paramref name="language"/>, by key.</summary>
    internal static FrozenDictionary<string, string> All(CliLanguage language) => language == CliLanguage.Chinese ? Chinese : English;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="args"/> (invariant culture); the raw text when there are none.</summary>
    internal static string Get(string key, CliLanguage language, params object?[] args)
    {
        if (!All(language).TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"The tool has no text '{key}' in {language}.");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static FrozenDictionary<string, string> Load(CliLanguage language)
    {
        var name = ResourceName(language);
        using var stream = typeof(CliText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the tool.");
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
