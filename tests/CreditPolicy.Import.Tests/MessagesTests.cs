using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CreditPolicy.Import.Tests;

/// <summary>Contract v2, <c>--lang zh|en</c>: the importer's own catalog, held to the rules of the library's (tests/CreditPolicy.Tests/MessagesTests.cs).</summary>
public sealed partial class MessagesTests
{
    [Fact]
    public void Both_catalogs_have_the_same_keys_and_the_same_placeholders()
    {
        var english = ImportMessages.All(chinese: false);
        var chinese = ImportMessages.All(chinese: true);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Keys, key => Assert.Equal(Placeholder().Matches(english[key]).Select(m => m.Value).Order(), Placeholder().Matches(chinese[key]).Select(m => m.Value).Order()));
    }

    [Fact]
    public void Chinese_texts_leave_no_English_words_beyond_names_codes_and_quoted_terms()
    {
        var english = ImportMessages.All(chinese: true).Where(p => EnglishWords(p.Value).Length > 0).Select(p => p.Key).ToArray();

        Assert.True(english.Length == 0, "English left in: " + string.Join(", ", english));
    }

    [Fact]
    public void Every_message_the_importer_asks_for_exists_and_none_is_an_English_literal()
    {
        var sources = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(SampleExports.Folder())!, "..", "src", "CreditPolicy.Import"), "*.cs")
            .Select(File.ReadAllText).ToArray();
        var keys = sources.SelectMany(s => MessageKey().Matches(s).Select(m => m.Groups[1].Value)).Where(k => !k.EndsWith('.')).Distinct().ToArray();
        var literals = sources.SelectMany(s => LiteralProblem().Matches(s).Select(m => m.Value)).ToArray();

        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => !ImportMessages.All(false).ContainsKey(k));
        Assert.True(literals.Length == 0, "Problems written as English literals (use ImportMessages.Get):\n" + string.Join('\n', literals));
    }

    /// <summary>The English words of a text, beyond placeholders, quoted parts, file names, codes and standard names.</summary>
    internal static string[] EnglishWords(string text)
    {
        var stripped = Placeholder().Replace(text, " ");
        stripped = Quoted().Replace(stripped, " ");
        stripped = Allowed().Replace(stripped, " ");
        return [.. AsciiWord().Matches(stripped).Select(m => m.Value).Distinct()];
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"`[^`]*`|“[^”]*”|'[^']*'|""[^""]*""|\b[\w.-]+\.(?:csv|xlsx)\b")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:UTF-8|GB18030|GB 32100-2015|GB 11643-1999|GB 11714|ISO 7064 MOD 11-2|Excel|CSV|XLSX|Windows|yyyyMMdd)\b")]
    private static partial Regex Allowed();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"(?:ImportMessages\.Get|Fail<[^>]*>)\([^,()]+,\s*""([a-z0-9.\-]+)""")]
    private static partial Regex MessageKey();

    [GeneratedRegex(@"new ImportError\([^;]*?,\s*\$?""[A-Za-z][^""]*\s[^""]*""\s*\)")]
    private static partial Regex LiteralProblem();
}
