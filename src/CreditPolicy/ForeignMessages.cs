using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreditPolicy;

/// <summary>
/// Chinese for the messages the library passes on from its dependencies — System.Text.Json's reader,
/// System.Linq.Dynamic.Core's expression parser, expression trees, arithmetic — so that a Chinese reader of a
/// problem is not left with an English clause after a Chinese prefix (issue 11). The table is the embedded
/// resource <c>Resources/foreign.zh.json</c>: each dependency's English template, <c>{0}</c> where the message
/// quotes something (kept as it is in the translation), to Chinese. A message the table does not know is
/// passed on as its dependency wrote it: a wrong translation would be worse than none.
/// </summary>
internal static partial class ForeignMessages
{
    private const string ResourceName = "CreditPolicy.Resources.foreign.zh.json";

    private static readonly Lazy<Entry[]> Table = new(Load);

    /// <summary>The message in Chinese when <paramref name="zh"/> and the table knows it; otherwise <paramref name="message"/> unchanged.</summary>
    internal static string Translate(string message, bool zh)
    {
        if (!zh || string.IsNullOrEmpty(message))
        {
            return message;
        }

        foreach (var entry in Table.Value)
        {
            var match = entry.Pattern.Match(message);
            if (match.Success)
            {
                return entry.Fill(match);
            }
        }

        return message;
    }

    /// <summary>Every English template of the table, by the dependency it comes from (for tests).</summary>
    internal static IReadOnlyList<(string Source, string English, string Chinese)> Templates() =>
        [.. Table.Value.Select(e => (e.Source, e.English, e.Chinese))];

    private static Entry[] Load()
    {
        using var stream = typeof(ForeignMessages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the library.");
        using var document = JsonDocument.Parse(stream);
        var entries = new List<Entry>();
        foreach (var source in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var template in source.Value.EnumerateObject())
            {
                entries.Add(new Entry(source.Name, template.Name, template.Value.GetString()!));
            }
        }

        // The most specific template first: "Syntax error '{0}'" before "Syntax error" cannot matter with anchors,
        // but two templates with placeholders could both match one message; the longer literal text wins.
        return [.. entries.OrderByDescending(e => Placeholder().Replace(e.English, string.Empty).Length)];
    }

    private sealed class Entry
    {
        internal Entry(string source, string english, string chinese)
        {
            Source = source;
            English = english;
            Chinese = chinese;
            var pattern = new StringBuilder("^");
            var at = 0;
            foreach (Match placeholder in Placeholder().Matches(english))
            {
                pattern.Append(Regex.Escape(english[at..placeholder.Index]))
                    .Append("(?<p").Append(placeholder.Groups[1].Value).Append(">.*?)");
                at = placeholder.Index + placeholder.Length;
            }

            pattern.Append(Regex.Escape(english[at..])).Append('$');
            Pattern = new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        internal string Source { get; }

        internal string English { get; }

        internal string Chinese { get; }

        internal Regex Pattern { get; }

        /// <summary>The Chinese template with each placeholder replaced by what the message quoted there.</summary>
        internal string Fill(Match match) =>
            Placeholder().Replace(Chinese, p => match.Groups["p" + p.Groups[1].Value] is { Success: true } g ? g.Value : p.Value);
    }

    [GeneratedRegex(@"\{(\d)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
