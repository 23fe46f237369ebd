using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>
/// Issue 11, "Chinese output has no English left in it": what the library passes on from System.Text.Json and
/// Dynamic LINQ (a broken profile or rule file, an expression that does not compile, a rule that overflows) is
/// given in Chinese too, and the markers of the one error format (line, rule, error, warning) follow the culture.
/// </summary>
public sealed partial class ForeignMessagesTests
{
    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_English_template_and_is_Chinese()
    {
        var templates = ForeignMessages.Templates();

        Assert.True(templates.Count > 100);
        Assert.All(templates, t =>
        {
            Assert.Equal(Placeholders(t.English), Placeholders(t.Chinese));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", t.Chinese);
            Assert.Empty(MessagesTests.EnglishWords(Placeholder().Replace(t.Chinese, " ")));
        });
        Assert.Equal(templates.Count, templates.Select(t => t.English).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{")]
    [InlineData("""{"a" 1}""")]
    [InlineData("""{"a":1,}""")]
    [InlineData("[1,]")]
    [InlineData("""{"a":tru}""")]
    [InlineData("""{"a":nul}""")]
    [InlineData("\"abc")]
    [InlineData("""{"a":1}}""")]
    [InlineData("""{"a":1} x""")]
    [InlineData("")]
    [InlineData("""{"a":-x}""")]
    [InlineData("""{"a":1.x}""")]
    [InlineData("""{"a":"\q"}""")]
    [InlineData("""{"a":"\u12G4"}""")]
    [InlineData("{a:1}")]
    [InlineData("""{"a":01}""")]
    public void Every_way_JSON_can_be_broken_is_reported_in_Chinese(string json)
    {
        var english = FirstJsonError(json);

        var chinese = ForeignMessages.Translate(english, zh: true);

        Assert.NotEqual(english, chinese);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
        Assert.Empty(MessagesTests.EnglishWords(chinese));
        Assert.Equal(english, ForeignMessages.Translate(english, zh: false));
    }

    [Theory]
    [InlineData("facts.CreditChecked && ((")]
    [InlineData("facts.NoSuchFact > 0")]
    [InlineData("""System.IO.File.Exists(\"x\")""")]
    [InlineData("facts.ActivePositiveRecords")]
    [InlineData("facts.CreditChecked + 1 > 0")]
    [InlineData("facts.ActivePositiveRecords > \\\"a\\\"")]
    [InlineData("facts.ActivePositiveRecords > 0 )")]
    [InlineData("\\\"abc")]
    [InlineData("noSuchName > 0")]
    [InlineData("facts.ActivePositiveRecords > 99999999999999999999999")]
    [InlineData("facts.CreditChecked ? 1")]
    public void An_expression_that_does_not_compile_is_reported_in_Chinese_at_the_same_place(string expression)
    {
        var shipped = File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));
        var original = "facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0";
        Assert.Contains(original, shipped, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(shipped.Replace(original, expression, StringComparison.Ordinal));

        var english = Assert.Single(RuleSet.Load(bytes, "r.json").Errors);
        var chinese = Assert.Single(RuleSet.Load(bytes, "r.json", culture: MessagesTests.Chinese).Errors);

        Assert.Equal((english.Line, english.Path, english.RuleName), (chinese.Line, chinese.Path, chinese.RuleName));
        Assert.Empty(MessagesTests.EnglishWords(chinese.Message));
        Assert.NotEmpty(MessagesTests.EnglishWords(english.Message));
    }

    [Fact]
    public void A_message_the_table_does_not_know_is_passed_on_unchanged()
    {
        const string unknown = "Something nobody translated went wrong.";

        Assert.Same(unknown, ForeignMessages.Translate(unknown, zh: true));
    }

    [Fact]
    public void A_template_matches_the_whole_message_only()
    {
        Assert.Equal("语法错误", ForeignMessages.Translate("Syntax error", zh: true));
        Assert.Equal("语法错误：'x'", ForeignMessages.Translate("Syntax error 'x'", zh: true));
        Assert.Equal("Syntax error, and more", ForeignMessages.Translate("Syntax error, and more", zh: true));
    }

    [Fact]
    public void A_rule_that_overflows_gives_its_reason_in_Chinese_and_keeps_its_message_English()
    {
        var shipped = File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));
        var bytes = Encoding.UTF8.GetBytes(shipped.Replace(
            "facts.CreditChecked && !facts.HasBadCreditRecord && facts.ActivePositiveRecords > 0",
            "facts.ActivePositiveRecords * 2147483647 * 2 > 1",
            StringComparison.Ordinal));
        var rules = RuleSet.Load(bytes, "r.json").Value!;
        var profile = ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"c","category":"commendation","authority":"郏县人民政府","decidedOn":"2026-02-10"}]}""").Value!;
        var day = new NodaTime.LocalDate(2026, 11, 27);

        var zh = Assert.Throws<RuleEvaluationException>(() => new PolicyEvaluator(rules, new PolicyEvaluatorOptions { Culture = MessagesTests.Chinese }).Evaluate(profile, day));
        var en = Assert.Throws<RuleEvaluationException>(() => new PolicyEvaluator(rules).Evaluate(profile, day));

        Assert.Equal("规则 'R6.1 integrity publicity'（incentive.integrity-publicity）无法对该主体求值：算术运算溢出。", zh.Reason);
        Assert.Equal(en.Message, zh.Message);
        Assert.Equal(en.Message, en.Reason);
        Assert.Equal("Rule 'R6.1 integrity publicity' (incentive.integrity-publicity) cannot be evaluated for this profile: Arithmetic operation resulted in an overflow.", en.Message);
    }

    [Fact]
    public void The_one_error_format_names_line_and_rule_in_the_language_asked_for()
    {
        var inRule = new InputError("$.Rules[0].Expression", 19, "表达式无法编译") { RuleName = "R6.1 integrity publicity" };
        var inFile = inRule with { File = "r.json" };

        Assert.Equal("第 19 行: 规则 'R6.1 integrity publicity': $.Rules[0].Expression: 表达式无法编译", inRule.Format(MessagesTests.Chinese));
        Assert.Equal("line 19: rule 'R6.1 integrity publicity': $.Rules[0].Expression: 表达式无法编译", inRule.Format(null));
        Assert.Equal(inRule.ToString(), inRule.Format(System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("r.json:19: 规则 'R6.1 integrity publicity': $.Rules[0].Expression: 表达式无法编译", inFile.Format(MessagesTests.Chinese));
    }

    [Fact]
    public void An_analysis_finding_names_rule_and_severity_in_the_language_asked_for()
    {
        var error = new AnalysisFinding(FindingSeverity.Error, "R6.1 x", "incentive.integrity-publicity", "R6.1", 17, "永远不会适用");
        var warning = new AnalysisFinding(FindingSeverity.Warning, null, null, "R6.3", 17, "条款 R6.3 没有启用的规则。");

        Assert.Equal("17: 规则 'R6.1 x': 错误: 永远不会适用", error.Format(MessagesTests.Chinese));
        Assert.Equal("17: rule 'R6.1 x': error: 永远不会适用", error.ToString());
        Assert.Equal("17: 警告: 条款 R6.3 没有启用的规则。", warning.Format(MessagesTests.Chinese));
    }

    private static string FirstJsonError(string json)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json).Dispose());
        var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? ex.Message[..cut] : ex.Message;
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
