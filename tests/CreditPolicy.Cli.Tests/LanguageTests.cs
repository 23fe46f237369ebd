using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>Contract v2: <c>--lang zh|en</c> on every command, else the locale (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>).</summary>
public sealed partial class LanguageTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");

    public static TheoryData<string> Commands => ["", "evaluate", "validate", "test", "letter", "diff", "analyze", "init", "import"];

    [Fact]
    public void Every_text_is_in_both_languages_with_the_same_placeholders()
    {
        var english = CliText.All(CliLanguage.English);
        var chinese = CliText.All(CliLanguage.Chinese);

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
    public void Every_text_the_tool_asks_for_exists()
    {
        var sources = Directory.GetFiles(Cli.Repo("src/CreditPolicy.Cli"), "*.cs").Select(File.ReadAllText);
        var keys = sources.SelectMany(source => TextKey().Matches(source).Select(m => m.Groups[1].Value)).Distinct().ToArray();

        Assert.NotEmpty(keys);
        var missing = keys.Where(key => !CliText.All(CliLanguage.English).ContainsKey(key)).ToArray();
        Assert.True(missing.Length == 0, "No text for: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Contract_v2_Lang_zh_gives_Chinese_help_for_every_command(string command)
    {
        var result = Cli.Run(Args("--lang", "zh", command, "--help"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("用法：", result.Out, StringComparison.Ordinal);
        Assert.Contains("选项：", result.Out, StringComparison.Ordinal);
        var english = EnglishWords(result.Out);
        Assert.True(english.Length == 0, $"English left in 'creditpolicy {command} --help --lang zh': {string.Join(", ", english)}\n{result.Out}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Lang_en_keeps_the_English_help(string command)
    {
        var english = Cli.Run(Args("--lang", "en", command, "--help"));
        var unset = Cli.Run(Args(command, "--help"));

        Assert.Equal(0, english.ExitCode);
        Assert.Equal(unset.Out, english.Out);
        Assert.Contains("Usage:", english.Out, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", english.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("用法", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_lang_zh_of_a_bad_profile_prints_the_library_problem_in_Chinese_on_stderr()
    {
        var profile = Cli.TempFile("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"p","category":"administrative-penalty","decidedOn":"2023-02-30"}]}""");

        var chinese = Cli.Run("evaluate", "--lang", "zh", "--as-of", "2026-11-27", profile);
        var english = Cli.Run("evaluate", "--lang", "en", "--as-of", "2026-11-27", profile);

        Assert.Equal(2, chinese.ExitCode);
        Assert.Contains("$.records[0].decidedOn: “2023-02-30”不是日历上存在的日期。", chinese.Error, StringComparison.Ordinal);
        Assert.Contains("$.records[0].decidedOn: '2023-02-30' is not a real calendar date.", english.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lang_zh_of_a_bad_rule_file_prints_its_problems_in_Chinese()
    {
        var rules = Cli.TempFile(File.ReadAllText(Shipped).Replace("\"clause\": \"R6.2\"", "\"clause\": \"R9.9\"", StringComparison.Ordinal));

        var chinese = Cli.Run("validate", "--lang", "zh", rules);
        var english = Cli.Run("validate", "--lang", "en", rules);

        Assert.Equal(1, chinese.ExitCode);
        Assert.Contains("“R9.9”不是政策的条款编号", chinese.Out + chinese.Error, StringComparison.Ordinal);
        Assert.Contains("'R9.9' is not a clause id of the policy", english.Out + english.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_lang_zh_gives_the_decision_warnings_in_Chinese()
    {
        var profile = Cli.TempFile("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"}}""");

        var result = Cli.Run("evaluate", "--lang", "zh", "--as-of", "2026-11-27", profile);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("查无记录不能证明信用良好", System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_help_names_required_options_and_defaults_in_Chinese()
    {
        var result = Cli.Run("diff", "--help", "--lang", "zh");

        Assert.Contains("--old <FILE> （必填）", result.Out, StringComparison.Ordinal);
        Assert.Contains("[默认值：utf-8]", result.Out, StringComparison.Ordinal);
        Assert.Contains("creditpolicy diff [<FILE>] [选项]", result.Out, StringComparison.Ordinal);
        Assert.Contains("示例：", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", null, null, true)]
    [InlineData("zh_TW.UTF-8", null, null, true)]
    [InlineData("en_US.UTF-8", null, null, false)]
    [InlineData("C", null, null, false)]
    [InlineData("zh_CN.UTF-8", null, "en_US.UTF-8", false)] // LC_ALL overrides LANG
    [InlineData("en_US.UTF-8", null, "zh_CN.UTF-8", true)]
    [InlineData("en_US.UTF-8", "zh_CN.UTF-8", null, true)] // LC_MESSAGES before LANG
    [InlineData("zh_CN.UTF-8", "", "", true)] // empty is not set
    [InlineData(null, null, null, false)]
    public void Contract_v2_Without_lang_the_locale_chooses(string? lang, string? messages, string? all, bool chinese)
    {
        var environment = new Dictionary<string, string>();
        foreach (var (name, value) in new[] { ("LANG", lang), ("LC_MESSAGES", messages), ("LC_ALL", all) })
        {
            if (value is not null)
            {
                environment[name] = value;
            }
        }

        var result = Cli.RunWithEnvironment(environment, "validate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(chinese, result.Out.Contains("用法：", StringComparison.Ordinal));
        Assert.Equal(!chinese, result.Out.Contains("Usage:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Usage:")]
    [InlineData("zh", "用法：")]
    public void Lang_overrides_the_locale(string lang, string heading)
    {
        var locale = lang == "en" ? "zh_CN.UTF-8" : "en_US.UTF-8";

        var result = Cli.RunWithEnvironment(new Dictionary<string, string> { ["LC_ALL"] = locale }, "test", "--help", $"--lang={lang}");

        Assert.Contains(heading, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Must be one of: 'zh', 'en'.")]
    [InlineData("zh_CN.UTF-8", "可选值为：zh、en")]
    public void Contract_v2_An_unknown_lang_is_a_usage_error_naming_the_accepted_values(string? locale, string expected)
    {
        var environment = locale is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["LANG"] = locale };

        var result = Cli.RunWithEnvironment(environment, "--lang", "fr", "test");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("creditpolicy: ", line, StringComparison.Ordinal);
        Assert.Contains("'fr'", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Validate_with_lang_zh_prints_its_summary_in_Chinese()
    {
        var result = Cli.Run("validate", "--lang", "zh", Shipped);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{Shipped}: 有效：jia-county-2022-8 1.0.0，8 条规则中启用 7 条，示例案例 20 个", Assert.Single(result.OutLines));
    }

    [Fact]
    public void Test_and_analyze_with_lang_zh_print_their_summaries_in_Chinese()
    {
        var test = Cli.Run("--lang", "zh", "test", Shipped);
        var analyze = Cli.Run("--lang", "zh", "analyze", Shipped);

        Assert.Equal(0, test.ExitCode);
        Assert.Equal($"{Shipped}: 20 个案例通过，0 个未通过", test.OutLines[^1]);
        Assert.Equal(0, analyze.ExitCode);
        Assert.StartsWith($"{Shipped}: 已分析 7 条启用的规则：错误 0 个，警告 1 个；共搜索 ", analyze.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_with_lang_zh_says_in_Chinese_when_the_search_was_not_exhaustive()
    {
        var arithmetic = Cli.TempFile(System.IO.File.ReadAllText(Shipped).Replace("facts.ActivePositiveRecords > 0\",", "facts.ActivePositiveRecords * 2 == 14\",", StringComparison.Ordinal));

        var analyze = Cli.Run("--lang", "zh", "analyze", arithmetic);

        Assert.Equal(0, analyze.ExitCode);
        Assert.EndsWith("；对 1 条规则的搜索并不穷尽（规则对事实做算术运算、以无法求解的方式比较事实，或网格为抽样），可能存在未找到的主体", analyze.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_as_of_with_lang_zh_is_a_usage_error_in_Chinese()
    {
        var result = Cli.Run("evaluate", "--lang", "zh", "--as-of", "2026-13-01", Cli.Fixture("profile.example.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("creditpolicy: --as-of：'2026-13-01' 不是 YYYY-MM-DD 格式的日期。", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_missing_file_with_lang_zh_is_a_usage_error_in_Chinese()
    {
        var result = Cli.Run("--lang", "zh", "validate", "/no/such.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("creditpolicy: 找不到文件：/no/such.json", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("", "未指定命令。")]
    [InlineData("diff --old x.json", "缺少必填选项 --new。")]
    [InlineData("validate", "命令 validate 缺少必需的参数。")]
    [InlineData("letter a.json b.json", "无法识别的命令或参数：'b.json'。")]
    [InlineData("frobnicate", "无法识别的命令或参数：'frobnicate'。")]
    [InlineData("evaluate --bogus x.json", "未知选项：'--bogus'。")]
    [InlineData("evaluate --bogus", "未知选项：'--bogus'。")]
    [InlineData("validate @nonexist.rsp", "找不到参数文件 'nonexist.rsp'（以 @ 开头的参数表示从文件读取参数；文件名以 @ 开头时请写成 ./@…）。")]
    [InlineData("validate --as-of=2026-01-01 x.json", "未知选项：'--as-of'。")]
    [InlineData("letter --commitment", "选项 --commitment 缺少取值。")]
    [InlineData("--encoding latin1 validate x.json", "不支持的取值 'latin1'，可选值为：utf-8、gb18030。")]
    public void Parse_errors_with_lang_zh_are_Chinese_and_one_line(string commandLine, string expected)
    {
        var result = Cli.Run(Args(["--lang", "zh", .. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)]));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"creditpolicy: {expected}请运行 'creditpolicy --help' 查看用法。", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Init_with_lang_zh_says_what_it_wrote_and_refuses_in_Chinese()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"creditpolicy-lang-{Guid.NewGuid():N}");
        try
        {
            var first = Cli.Run("init", directory, "--lang", "zh");
            var second = Cli.Run("init", directory, "--lang", "zh");

            Assert.Equal(0, first.ExitCode);
            Assert.All(first.OutLines, line => Assert.StartsWith("已写出 ", line, StringComparison.Ordinal));
            Assert.Equal(2, second.ExitCode);
            Assert.EndsWith("已存在；init 从不覆盖，未写入任何文件。", Assert.Single(second.ErrorLines), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The placeholders of a text, <c>{0}</c>, <c>{1:N0}</c>…, in order of their number.</summary>
    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Runs of three or more ASCII letters left in help once what stays untranslated is taken out: example lines,
    /// command and option names, codes, clause ids, paths, placeholders, what is quoted, and a few terms.
    /// </summary>
    private static string[] EnglishWords(string help)
    {
        var text = string.Join('\n', help.Split('\n').Where(line => !line.TrimStart().StartsWith("creditpolicy ", StringComparison.Ordinal)));
        foreach (var pattern in (string[])[
            @"`[^`]*`", @"'[^']*'", "\"[^\"]*\"", @"<[^>\n]*>",                        // quoted names and placeholders
            @"(?<![A-Za-z0-9-])--?[A-Za-z?][A-Za-z0-9-]*", @"(?<![A-Za-z])-\?",          // options
            @"\b(?:incentive|penalty)\.[a-z-]+",                                        // measure codes
            @"[A-Za-z0-9_.-]*/[A-Za-z0-9_./-]*",                                        // paths
            @"(?<![A-Za-z])(?:R\d+(?:\.\d+)?|C\d+|TP|TD)(?![A-Za-z])",                  // clause ids
            @"(?<![A-Za-z])(?:creditpolicy|evaluate|validate|test|letter|diff|analyze|init|import)(?![A-Za-z])", // commands
            @"(?<![A-Za-z])(?:FILE|DIR|DATE|REPORT|LINE|NAME|ID)(?![A-Za-z])",          // argument names
        ])
        {
            text = Regex.Replace(text, pattern, " ");
        }

        string[] allowed = ["JSON", "UTF", "GB18030", "HTML", "CSV", "XLSX", "ID", "PBoC", "YYYY", "Schema", "Windows"];
        return [.. Regex.Matches(text, "[A-Za-z]{3,}").Select(m => m.Value)
            .Where(word => !allowed.Contains(word, StringComparer.OrdinalIgnoreCase)).Distinct()];
    }

    private static string[] Args(params string[] args) => [.. args.Where(a => a.Length > 0)];

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\bText|CliText\.Get)\(\s*""([a-z][a-z0-9.-]*)""")]
    private static partial Regex TextKey();
}
