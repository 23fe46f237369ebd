using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CreditPolicy.Serialization;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>Contract v2, <c>--lang zh|en</c>: the library's messages (read problems, decision warnings, rule-file problems) in Chinese and English.</summary>
public sealed partial class MessagesTests
{
    internal static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false);

    private const string ImpossibleDate = """
        {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038217"},
         "records":[{"id":"p","category":"administrative-penalty","decidedOn":"2023-02-30"}]}
        """;

    [Fact]
    public void Both_catalogs_have_the_same_keys_and_the_same_placeholders()
    {
        var english = Messages.All(chinese: false);
        var chinese = Messages.All(chinese: true);

        Assert.Empty(english.Keys.Except(chinese.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(chinese.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        var mismatched = english.Keys
            .Where(key => !Placeholders(english[key]).SequenceEqual(Placeholders(chinese[key])))
            .Select(key => $"{key}: en {string.Join(' ', Placeholders(english[key]))} / zh {string.Join(' ', Placeholders(chinese[key]))}")
            .ToArray();
        Assert.True(mismatched.Length == 0, string.Join('\n', mismatched));
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void Chinese_texts_leave_no_English_words_beyond_names_codes_and_quoted_terms()
    {
        var english = Messages.All(chinese: true)
            .Select(pair => (pair.Key, Words: EnglishWords(pair.Value)))
            .Where(pair => pair.Words.Length > 0)
            .Select(pair => $"{pair.Key}: {string.Join(", ", pair.Words)}")
            .ToArray();

        Assert.True(english.Length == 0, "English left in Chinese messages:\n" + string.Join('\n', english));
    }

    [Fact]
    public void Every_message_the_library_asks_for_exists()
    {
        var sources = Directory.GetFiles(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "src", "CreditPolicy"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var keys = sources.SelectMany(source => MessageKey().Matches(source).Select(m => m.Groups[1].Value)).Distinct().ToArray();

        Assert.NotEmpty(keys);
        var missing = keys.Where(key => !Messages.All(chinese: false).ContainsKey(key)).ToArray();
        Assert.True(missing.Length == 0, "No message for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("zh", true)]
    [InlineData("zh-CN", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("en", false)]
    [InlineData("", false)]
    public void A_culture_named_zh_something_asks_for_Chinese(string name, bool chinese)
    {
        Assert.Equal(chinese, Messages.IsChinese(CultureInfo.GetCultureInfo(name, predefinedOnly: false)));
        Assert.False(Messages.IsChinese(null));
    }

    [Fact]
    public void An_impossible_date_read_in_Chinese_is_reported_in_Chinese_at_the_same_path_and_line()
    {
        var english = Assert.Single(ProfileJson.Read(ImpossibleDate).Errors, e => e.Path == "$.records[0].decidedOn");
        var chinese = Assert.Single(ProfileJson.Read(ImpossibleDate, new ProfileReadOptions { Culture = Chinese }).Errors, e => e.Path == "$.records[0].decidedOn");

        Assert.Equal("'2023-02-30' is not a real calendar date.", english.Message);
        Assert.Equal("“2023-02-30”不是日历上存在的日期。", chinese.Message);
        Assert.Equal(english.Path, chinese.Path);
        Assert.Equal(english.Line, chinese.Line);
    }

    [Fact]
    public void An_English_culture_reads_exactly_as_no_culture()
    {
        var none = ProfileJson.Read(ImpossibleDate).Errors;
        var english = ProfileJson.Read(ImpossibleDate, new ProfileReadOptions { Culture = CultureInfo.InvariantCulture }).Errors;

        Assert.NotEmpty(none);
        Assert.Equal(none.AsEnumerable(), english.AsEnumerable());
    }

    [Fact]
    public void A_stream_read_in_Chinese_passes_the_culture_to_every_profile()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(ImpossibleDate.ReplaceLineEndings(" ") + "\n"));

        var line = Assert.Single(CreditPolicy.Streaming.ProfileStreamReader.Read(input, new CreditPolicy.Streaming.ProfileStreamOptions { Culture = Chinese }));

        Assert.Equal("“2023-02-30”不是日历上存在的日期。", Assert.Single(line.Result.Errors, e => e.Path == "$.records[0].decidedOn").Message);
    }

    [Fact]
    public void An_agency_file_read_in_Chinese_names_its_problems_in_Chinese()
    {
        var result = AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("[\n {\"name\": \"甲\", \"filingNumer\": \"X-1\"}\n]"), "agencies.json", Chinese);

        Assert.Contains(result.Errors, e => e.Message == "未知字段“filingNumer”（是否应为“filingNumber”？）：该字段会被忽略且不作提示。" && e.Line == 2);
    }

    internal static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    /// <summary>Runs of three or more ASCII letters left once placeholders, quoted and backticked terms, JSON paths, codes and the allowed names are removed.</summary>
    internal static string[] EnglishWords(string text)
    {
        var stripped = Placeholder().Replace(text, " ");
        stripped = Quoted().Replace(stripped, " ");
        stripped = Allowed().Replace(stripped, " ");
        return [.. AsciiWord().Matches(stripped).Select(m => m.Value).Distinct()];
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"`[^`]*`|“[^”]*”|'[^']*'|""[^""]*""|\$[\w.\[\]*]*|\b(?:incentive|penalty)\.[\w.-]+")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:JSON|UTF-8|GBK|GB18030|GB 32100-2015|GB 11643-1999|YYYY-MM-DD|PBoC|CreditPolicy|RulesEngine|Unicode|R\d+(?:\.\d+)?|C\d+(?:\.\d+)?|TP|TD|NDRC)\b")]
    private static partial Regex Allowed();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"Messages\.Get\([^,()]+,\s*""([a-z0-9.\-]+)""")]
    private static partial Regex MessageKey();
}
