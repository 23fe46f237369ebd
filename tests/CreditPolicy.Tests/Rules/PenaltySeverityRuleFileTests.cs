using System;
using System.Linq;
using System.Text;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// A rule file's <c>RuleSet.penaltySeverity</c> (docs/import.md): the classes of NDRC Order No. 36 (2025) that
/// importing 双公示 data gives administrative penalties (R2 records), the shipped default changed by the rule set.
/// </summary>
public sealed class PenaltySeverityRuleFileTests
{
    private static string File(string table) => PublicityPolicyRuleFileTests.File(table);

    private static ReadResult<RuleSet> Load(string json, System.Globalization.CultureInfo? culture = null) =>
        RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json", culture: culture);

    [Theory]
    [InlineData("警告", null, RecordSeverity.Minor)]
    [InlineData("通报批评", null, RecordSeverity.Minor)]
    [InlineData("罚款", null, RecordSeverity.General)]
    [InlineData("罚款", "99.99", RecordSeverity.General)]
    [InlineData("罚款", "100", RecordSeverity.Serious)]
    [InlineData(" 没收非法财物 ", null, RecordSeverity.General)]
    [InlineData("吊销许可证件", null, RecordSeverity.Serious)]
    [InlineData("限制从业", null, RecordSeverity.Serious)]
    [InlineData("其他", null, RecordSeverity.General)]
    public void R2_The_default_table_classes_each_penalty_category_and_large_fines(string category, string? fine, RecordSeverity expected)
    {
        var amount = fine is null ? (decimal?)null : decimal.Parse(fine, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PenaltySeverityTable.Default.SeverityOf(category, amount));
    }

    [Fact]
    public void R2_The_default_table_knows_every_category_of_the_data_standard_and_nothing_else()
    {
        string[] standard = ["警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
            "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他"];

        Assert.Equal(standard.Order(StringComparer.Ordinal), PenaltySeverityTable.Default.Categories.Keys.Order(StringComparer.Ordinal));
        Assert.Null(PenaltySeverityTable.Default.SeverityOf("罚酒三杯"));
    }

    [Fact]
    public void Without_penaltySeverity_a_rule_set_and_the_shipped_rules_use_the_default_table()
    {
        Assert.Same(PenaltySeverityTable.Default, Load(File(string.Empty)).Value!.PenaltySeverity);
        Assert.Same(PenaltySeverityTable.Default, RuleSet.JiaCounty2022No8.PenaltySeverity);
    }

    [Fact]
    public void A_rule_file_changes_named_categories_and_replaces_the_fine_thresholds()
    {
        var rules = Load(File("""
            ,
              "penaltySeverity": { "note": "本县口径", "categories": { "警告": "general", "责令改正": "minor" },
                "fineThresholds": [ { "atLeast": 0.5, "severity": "general" }, { "atLeast": 0, "severity": "minor" }, { "atLeast": 20, "severity": "serious" } ] }
            """)).Value!;
        var table = rules.PenaltySeverity;

        Assert.Equal(RecordSeverity.General, table.SeverityOf("警告"));
        Assert.Equal(RecordSeverity.Minor, table.SeverityOf("责令改正"));
        Assert.Equal(RecordSeverity.Minor, table.SeverityOf("通报批评"));
        Assert.Equal(RecordSeverity.Minor, table.SeverityOf("罚款", 0.2m));
        Assert.Equal(RecordSeverity.General, table.SeverityOf("罚款", 1m));
        Assert.Equal(RecordSeverity.Serious, table.SeverityOf("罚款", 20m));
        Assert.Equal([0m, 0.5m, 20m], table.FineThresholds.Select(t => t.AtLeast));
    }

    [Theory]
    [InlineData("\"penaltySeverity\": { \"categories\": { \"警告\": \"grave\" } }", "'grave'")]
    [InlineData("\"penaltySeverity\": { \"categories\": { \" \": \"minor\" } }", "penalty category needs a name")]
    [InlineData("\"penaltySeverity\": { \"categories\": [] }", "Expected an object")]
    [InlineData("\"penaltySeverity\": { \"fineThresholds\": [ { \"atLeast\": -1, \"severity\": \"minor\" } ] }", "not negative")]
    [InlineData("\"penaltySeverity\": { \"fineThresholds\": [ { \"atLeast\": \"10\", \"severity\": \"minor\" } ] }", "not negative")]
    [InlineData("\"penaltySeverity\": { \"fineThresholds\": [ { \"atLeast\": 1, \"severity\": \"minor\" }, { \"atLeast\": 1.0, \"severity\": \"serious\" } ] }", "share this amount")]
    [InlineData("\"penaltySeverity\": { \"fineThresholds\": [ { \"atLeast\": 1 } ] }", "'severity'")]
    [InlineData("\"penaltySeverity\": { \"categorie\": {} }", "did you mean 'categories'")]
    public void A_bad_penaltySeverity_is_a_located_error_not_a_crash(string table, string message)
    {
        var result = Load(File(",\n  " + table));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("$.RuleSet.penaltySeverity", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_penaltySeverity_is_reported_in_Chinese_under_zh()
    {
        var result = Load(File(",\n  \"penaltySeverity\": { \"fineThresholds\": [ { \"atLeast\": -1, \"severity\": \"minor\" } ] }"), System.Globalization.CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false));

        Assert.Contains("万元", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("number", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_rejects_a_category_given_twice_and_a_negative_threshold()
    {
        Assert.Throws<ArgumentException>(() => new PenaltySeverityTable([new("警告", RecordSeverity.Minor), new(" 警告", RecordSeverity.General)]));
        Assert.Throws<ArgumentException>(() => new FineThreshold(-0.01m, RecordSeverity.Minor));
        Assert.Throws<ArgumentException>(() => new PenaltySeverityTable([], [new FineThreshold(1, RecordSeverity.Minor), new FineThreshold(1, RecordSeverity.Serious)]));
    }
}
