using System;
using System.Linq;
using System.Text;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>A rule file's <c>RuleSet.publicityPolicy</c> (contract v2, "Publicity policy"): named, inline, or absent.</summary>
public sealed class PublicityPolicyRuleFileTests
{
    private static string File(string policy) => $$"""
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "test", "version": "0.1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11"{{policy}} },
          "Rules": [ { "RuleName": "r", "Expression": "facts.HasBadCreditRecord",
            "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
        }
        """;

    private static RuleSetLoadResult Load(string json) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json");

    [Fact]
    public void Without_a_publicity_policy_a_rule_set_follows_the_national_one_and_the_shipped_rules_name_it()
    {
        Assert.Same(RuleSet.NationalPublicityPolicy, Load(File(string.Empty)).RuleSet!.PublicityPolicy);
        Assert.Same(RuleSet.NationalPublicityPolicy, RuleSet.JiaCounty2022No8.PublicityPolicy);
        Assert.Equal("cn-national-publicity", RuleSet.NationalPublicityPolicy.Id);
    }

    [Fact]
    public void An_inline_policy_is_read_and_used_by_the_evaluator()
    {
        var json = File("""
            ,
              "publicityPolicy": { "id": "local", "regimes": [
                { "id": "strict", "source": "某县规定", "effectiveFrom": "2022-01-01",
                  "maxima": { "administrative-penalty": { "general": "P6M" } } } ] }
            """);

        var rules = Load(json).RuleSet!;
        var regime = Assert.Single(rules.PublicityPolicy.Regimes);
        var penalty = new CreditRecord("p", CreditRecordCategory.AdministrativePenalty, new LocalDate(2026, 1, 1));

        Assert.Equal(("strict", "某县规定"), (regime.Id, regime.Source));
        Assert.Equal(Period.FromMonths(6), regime.MaximumFor(PublicityInformation.AdministrativePenalty, RecordSeverity.General));
        Assert.True(penalty.IsActiveOn(new LocalDate(2026, 6, 30), rules.PublicityPolicy));
        Assert.False(penalty.IsActiveOn(new LocalDate(2026, 7, 1), rules.PublicityPolicy));
    }

    [Theory]
    [InlineData("\"publicityPolicy\": \"cn-nationa\"", "Unknown publicity policy 'cn-nationa'")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\" }", "Missing required field 'regimes'")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": { \"administrative-penalty\": { \"general\": \"one year\" } } } ] }", "ISO-8601 period")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": { \"administrative-penalty\": { \"general\": \"PT5H\" } } } ] }", "years, months and days only")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": { \"administrative-penaltys\": { } } } ] }", "did you mean 'administrative-penalty'")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": { \"other-negative\": { \"grave\": \"P1Y\" } } } ] }", "Unknown field 'grave'")]
    [InlineData("\"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": {} }, { \"id\": \"b\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": {} } ] }", "clashes with regime 'a'")]
    public void A_bad_publicity_policy_is_a_located_error_not_a_crash(string policy, string message)
    {
        var json = File(",\n  " + policy);

        var result = Load(json);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void The_shipped_national_policy_file_is_the_embedded_one()
    {
        var bytes = System.IO.File.ReadAllBytes(System.IO.Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "national", "publicity-policy.json"));
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("CreditPolicy.Rules.national.publicity-policy.json")!;
        using var embedded = new System.IO.MemoryStream();
        stream.CopyTo(embedded);

        Assert.Equal(bytes, embedded.ToArray());
    }
}
