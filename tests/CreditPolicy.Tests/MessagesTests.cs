using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
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

    [Fact]
    public void No_problem_or_warning_is_written_as_a_literal_that_only_speaks_English()
    {
        var literals = Directory.GetFiles(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "src", "CreditPolicy"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LiteralProblem().Matches(File.ReadAllText(path)).Select(m => $"{Path.GetFileName(path)}: {m.Value}"))
            .ToArray();

        Assert.True(literals.Length == 0, "Problems written as English literals (use Messages.Get):\n" + string.Join('\n', literals));
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

        var line = Assert.Single(ProfileStreamReader.Read(input, new ProfileStreamOptions { Culture = Chinese }));

        Assert.Equal("“2023-02-30”不是日历上存在的日期。", Assert.Single(line.Result.Errors, e => e.Path == "$.records[0].decidedOn").Message);
    }

    [Fact]
    public void An_agency_file_read_in_Chinese_names_its_problems_in_Chinese()
    {
        var result = AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("[\n {\"name\": \"甲\", \"filingNumer\": \"X-1\"}\n]"), "agencies.json", Chinese);

        Assert.Contains(result.Errors, e => e.Message == "未知字段“filingNumer”（是否应为“filingNumber”？）：该字段会被忽略且不作提示。" && e.Line == 2);
    }

    [Fact]
    public void A_decision_gives_its_warnings_in_Chinese_with_PolicyEvaluatorOptions_Culture()
    {
        var profile = Profile(""","records":[{"id":"p1","category":"administrative-penalty","decidedOn":"2025-06-01","publicUntil":"2028-05-31"}],"reports":[{"id":"rep1","kind":"enterprise","agency":{"name":"某征信公司","filingNumber":"X-9"},"rating":"AA","issuedOn":"2026-01-01","validUntil":"2026-12-31"}],"commitments":[{"id":"k1","type":"approval-substitution","matter":"m","committedOn":"2026-11-01","signedOn":"2026-11-01"}]""");
        var english = new PolicyEvaluator(RuleSet.JiaCounty2022No8).Evaluate(profile, Day);
        var chinese = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Culture = Chinese }).Evaluate(profile, Day);

        Assert.Equal(3, english.Warnings.Length);
        Assert.Equal(english.Warnings.Length, chinese.Warnings.Length);
        Assert.Contains(chinese.Warnings, w => w.StartsWith("信用记录 p1：其公示截止日（`publicUntil`）2028-05-31 超过一般失信信息的最长公示期（自决定之日起 1 年", StringComparison.Ordinal) && w.Contains("公示已于 2026-05-31 结束", StringComparison.Ordinal));
        Assert.Contains("信用报告 rep1 由 某征信公司（备案号 X-9）出具，该机构不在已备案信用服务机构名录中（R3）。该报告不予采用。", chinese.Warnings);
        Assert.Contains("信用承诺 k1 的承诺书不完整：证明事项告知承诺书须列明其替代的证明事项（C2.3，国办发〔2020〕42号）。承诺自签署即生效（C3），请补填空缺内容。", chinese.Warnings);
        Assert.Contains("Report rep1 is from 某征信公司 (filing number X-9), which is not in the registry of filed credit service agencies (R3). It is ignored.", english.Warnings);
        Assert.Equal(english.ApplicableMeasures.Select(m => m.Code), chinese.ApplicableMeasures.Select(m => m.Code));
    }

    [Fact]
    public void A_report_warning_cached_in_one_language_is_not_given_in_the_other()
    {
        var profile = Profile(""","reports":[{"id":"rep1","kind":"enterprise","agency":{"name":"某征信公司","filingNumber":"X-9"},"rating":"AA","issuedOn":"2026-01-01","validUntil":"2026-12-31"}]""");
        var chinese = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Culture = Chinese });
        var english = new PolicyEvaluator(RuleSet.JiaCounty2022No8);

        Assert.StartsWith("信用报告", Assert.Single(chinese.Evaluate(profile, Day).Warnings), StringComparison.Ordinal);
        Assert.StartsWith("Report", Assert.Single(english.Evaluate(profile, Day).Warnings), StringComparison.Ordinal);
        Assert.StartsWith("信用报告", Assert.Single(chinese.Evaluate(profile, Day).Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_without_creditCheckedOn_is_warned_about_in_Chinese()
    {
        var result = ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"}}""");
        var decision = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Culture = Chinese }).Evaluate(result.Value!, Day);

        Assert.Equal("档案未说明信用记录和信用报告的查询日期（`creditCheckedOn`）：查无记录不能证明信用良好。", Assert.Single(decision.Warnings));
    }

    [Fact]
    public void A_record_whose_repair_precedes_its_decision_is_reported_in_Chinese_at_the_same_path_and_line()
    {
        const string json = """
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},
             "records":[{"id":"p","category":"administrative-penalty","decidedOn":"2026-02-01","repairedOn":"2026-01-01"}]}
            """;

        var english = Assert.Single(ProfileJson.Read(json).Errors);
        var chinese = Assert.Single(ProfileJson.Read(json, new ProfileReadOptions { Culture = Chinese }).Errors);

        Assert.Equal("Credit repair (2026-01-01) cannot take effect before the record was decided (2026-02-01).", english.Message);
        Assert.Equal("信用修复（2026-01-01）不能早于该记录的决定日期（2026-02-01）生效。", chinese.Message);
        Assert.Equal((english.Path, english.Line), (chinese.Path, chinese.Line));
    }

    [Fact]
    public void A_wrong_check_character_of_a_unified_social_credit_code_is_reported_in_Chinese()
    {
        var english = Assert.Single(ProfileJson.Read(ImpossibleDate).Errors, e => e.Path == "$.subject.id");
        var chinese = Assert.Single(ProfileJson.Read(ImpossibleDate, new ProfileReadOptions { Culture = Chinese }).Errors, e => e.Path == "$.subject.id");

        Assert.Equal("The unified social credit code has check character '7' where GB 32100-2015 gives '6'.", english.Message);
        Assert.Equal("统一社会信用代码的校验码为“7”，按 GB 32100-2015 应为“6”。", chinese.Message);
        Assert.Equal(english.Line, chinese.Line);
    }

    [Fact]
    public void Analyzer_findings_are_given_in_Chinese_at_the_same_lines()
    {
        var english = RuleSetAnalyzer.Analyze(RuleSet.JiaCounty2022No8).Findings;
        var chinese = RuleSetAnalyzer.Analyze(RuleSet.JiaCounty2022No8, Chinese).Findings;

        Assert.Equal(english.Select(f => (f.Severity, f.RuleName, f.Code, f.Clause, f.Line)), chinese.Select(f => (f.Severity, f.RuleName, f.Code, f.Clause, f.Line)));
        Assert.NotEmpty(chinese);
        Assert.All(chinese, f => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", f.Message));
    }

    [Fact]
    public void A_rule_file_problem_is_reported_in_Chinese_at_the_same_place_as_in_English()
    {
        var shipped = File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));
        var bytes = Encoding.UTF8.GetBytes(shipped.Replace("\"clause\": \"R6.2\"", "\"clause\": \"R9.9\"", StringComparison.Ordinal));

        var english = RuleSet.Load(bytes, "r.json").Errors;
        var chinese = RuleSet.Load(bytes, "r.json", culture: Chinese).Errors;

        Assert.NotEmpty(english);
        Assert.Equal(english.Select(e => (e.File, e.Line, e.Path, e.RuleName)), chinese.Select(e => (e.File, e.Line, e.Path, e.RuleName)));
        Assert.Contains(english, e => e.Message == "'R9.9' is not a clause id of the policy; measures cite R6.1, R6.2, R6.3, R7.1, R7.2 or R7.3.");
        Assert.Contains(chinese, e => e.Message == "“R9.9”不是政策的条款编号；措施应引用 R6.1、R6.2、R6.3、R7.1、R7.2 或 R7.3。");
    }

    [Fact]
    public void A_rule_set_not_yet_in_force_gives_its_reason_in_Chinese_and_keeps_its_message_English()
    {
        var chinese = new PolicyEvaluator(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { Culture = Chinese });
        var english = new PolicyEvaluator(RuleSet.JiaCounty2022No8);

        var zh = Assert.Throws<RuleSetNotInForceException>(() => chinese.Evaluate(Profile(string.Empty), new NodaTime.LocalDate(2020, 1, 1)));
        var en = Assert.Throws<RuleSetNotInForceException>(() => english.Evaluate(Profile(string.Empty), new NodaTime.LocalDate(2020, 1, 1)));

        Assert.StartsWith("规则集 ", zh.Reason, StringComparison.Ordinal);
        Assert.Contains("（R9），不能按 2020-01-01 评估。", zh.Reason, StringComparison.Ordinal);
        Assert.Equal(en.Message, zh.Message);
        Assert.StartsWith("rule set ", en.Reason, StringComparison.Ordinal);
    }

    private static readonly NodaTime.LocalDate Day = new(2026, 11, 27);

    private static CreditProfile Profile(string rest)
    {
        var result = ProfileJson.Read($$"""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县市场监督管理局"},"creditCheckedOn":"2026-11-20"{{rest}}}""");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
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

    [GeneratedRegex(@"\b(?:JSON|UTF-(?:8|16)|GBK|GB18030|GB 32100-2015|GB 11643-1999|GB 11714|ISO 7064 MOD 11-2|ISO-8601|YYYY-MM-DD|PBoC|CreditPolicy|RulesEngine|Unicode|R\d+(?:\.\d+)?|C\d+(?:\.\d+)?|TP|TD|NDRC)\b")]
    private static partial Regex Allowed();

    /// <summary>A reader's <c>Error(…)</c>/<c>Warning(…)</c> or an <c>InputError</c>/<c>Warnings.Add</c> whose text is a string literal with words in it.</summary>
    [GeneratedRegex(@"(?:\b(?:Error|Warning)\(|new InputError\(|Warnings\.Add\()[^;]*?,\s*\$?""[A-Za-z][^""]*\s[^""]*""\s*\)")]
    private static partial Regex LiteralProblem();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"Messages\.Get\([^,()]+,\s*""([a-z0-9.\-]+)""")]
    private static partial Regex MessageKey();
}
