using System.Linq;
using System.Text;
using System;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>A rule file's <c>RuleSet.publicityPolicy</c> (contract v2, "Publicity policy"): named, inline, or absent.</summary>
public sealed class PublicityPolicyRuleFileTests
{
    /// <summary>A small valid rule file with <paramref name="policy"/> appended to its header (after <c>effectiveFrom</c>).</summary>
    internal static string File(string policy) => $$"""
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "test", "version": "0.1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11"{{policy}} },
          "Rules": [ { "RuleName": "r", "Expression": "facts.HasBadCreditRecord",
            "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
        }
        """;

    private static ReadResult<RuleSet> Load(string json) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json");

    [Fact]
    public void Without_a_publicity_policy_a_rule_set_follows_the_national_one_and_the_shipped_rules_name_it()
    {
        Assert.Same(RuleSet.NationalPublicityPolicy, Load(File(string.Empty)).Value!.PublicityPolicy);
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

        var rules = Load(json).Value!;
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

    [Theory]
    [InlineData("P99999M")]
    [InlineData("P1300M")]
    [InlineData("P100Y12M")]
    [InlineData("P2000000D")]
    public void A_maximum_longer_than_a_hundred_years_in_any_unit_is_rejected(string period)
    {
        var json = File(",\n  \"publicityPolicy\": { \"id\": \"x\", \"regimes\": [ { \"id\": \"a\", \"source\": \"s\", \"effectiveFrom\": \"2022-01-01\", \"maxima\": { \"other-negative\": { \"general\": \"" + period + "\" } } } ] }");

        Assert.Contains("at most 100 years", Assert.Single(Load(json).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minor_information_is_capped_at_three_months_even_where_a_policy_leaves_minor_out()
    {
        var json = File("""
            ,
              "publicityPolicy": { "id": "local", "regimes": [
                { "id": "r", "source": "某县规定", "effectiveFrom": "2022-01-01", "maxima": { "administrative-penalty": { "general": "P1Y" } } } ] }
            """);
        var policy = Load(json).Value!.PublicityPolicy;
        var minor = new CreditRecord("m", CreditRecordCategory.OtherNegative, new LocalDate(2026, 4, 2), RecordSeverity.Minor, publicUntil: new LocalDate(2028, 4, 1));

        Assert.True(minor.IsActiveOn(new LocalDate(2026, 7, 1), policy));
        Assert.False(minor.IsActiveOn(new LocalDate(2026, 7, 2), policy));
        Assert.False(minor.IsActiveOn(new LocalDate(2026, 7, 2), PublicityPolicy.None));
    }

    [Fact]
    public void A_rule_set_in_force_from_the_first_year_or_evaluated_on_the_last_day_of_the_calendar_works()
    {
        var early = Load(File(string.Empty).Replace("\"2022-03-11\"", "\"0001-01-01\"", StringComparison.Ordinal)).Value!;
        var profile = new CreditProfile(
            new CreditPolicy.Subjects.Subject("某公司", CreditPolicy.Subjects.SubjectKind.Enterprise, CreditPolicy.Subjects.SubjectIdentifier.Parse(CreditPolicy.Subjects.IdentifierType.Uscc, "914403001922038216")),
            [new CreditRecord("p", CreditRecordCategory.AdministrativePenalty, new LocalDate(9999, 1, 1), RecordSeverity.Serious)]);

        Assert.NotNull(new CreditPolicy.Evaluation.PolicyEvaluator(early).Evaluate(profile, new LocalDate(1, 1, 1)));
        var last = new CreditPolicy.Evaluation.PolicyEvaluator(RuleSet.JiaCounty2022No8).Evaluate(profile, LocalDate.MaxIsoValue);
        Assert.Equal(["penalty.dishonesty-publicity", "penalty.key-review"], last.ApplicableMeasures.Select(m => m.Code).ToArray());
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
