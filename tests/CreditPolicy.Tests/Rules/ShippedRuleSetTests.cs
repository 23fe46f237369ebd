using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

public sealed class ShippedRuleSetTests
{
    private static readonly RuleSet Rules = RuleSet.JiaCounty2022No8;

    [Fact]
    public void R9_The_shipped_rule_set_names_itself_and_takes_effect_on_the_day_of_issue()
    {
        Assert.Equal("jia-county-2022-8", Rules.Id);
        Assert.Equal("1.0.0", Rules.Version);
        Assert.Equal("郏政务和大数据〔2022〕8号", Rules.Source);
        Assert.Equal("郏县政务服务和大数据服务中心", Rules.Issuer);
        Assert.Equal(new LocalDate(2022, 3, 11), Rules.EffectiveFrom);
    }

    [Fact]
    public void R6_R7_Every_measure_code_of_the_contract_has_one_enabled_rule_citing_its_clause()
    {
        var expected = new[]
        {
            ("incentive.integrity-publicity", "R6.1"), ("incentive.green-channel", "R6.2"), ("incentive.acceptance-with-missing-materials", "R6.2"),
            ("incentive.priority-support", "R6.2"), ("penalty.dishonesty-publicity", "R7.1"), ("penalty.key-review", "R7.2"), ("penalty.revoke-conveniences", "R7.3"),
        };

        var enabled = Rules.Measures.Where(m => m.Enabled).Select(m => (m.Code, m.Clause.ToString())).OrderBy(p => p.Code).ToArray();

        Assert.Equal(expected.OrderBy(p => p.Item1).ToArray(), enabled);
        Assert.All(Rules.Measures, m => Assert.False(string.IsNullOrWhiteSpace(m.TitleZh)));
    }

    [Fact]
    public void R6_3_Is_covered_by_a_documented_disabled_example()
    {
        var example = Assert.Single(Rules.Measures, m => m.Clause.ToString() == "R6.3");

        Assert.False(example.Enabled);
        Assert.Equal(MeasureKind.Incentive, example.Kind);
        Assert.Contains("示例", example.TitleZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_file_and_embedded_copy_are_the_same_bytes()
    {
        var file = Path.Combine(RepositoryRoot(), "rules", "jia-county-2022-8.json");

        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant(), Rules.Sha256);
        Assert.True(RuleSet.LoadFile(file).Succeeded);
    }

    [Fact]
    public void Shipped_example_cases_all_pass()
    {
        var results = new PolicyEvaluator(Rules).RunCases();

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void Shipped_cases_show_every_enabled_clause_both_applying_and_not_applying()
    {
        foreach (var measure in Rules.Measures.Where(m => m.Enabled))
        {
            Assert.Contains(Rules.Cases, c => c.MustReceive.Contains(measure.Code));
            Assert.Contains(Rules.Cases, c => c.MustNotReceive.Contains(measure.Code));
        }
    }

    [Fact]
    public void Contract_The_example_profile_gives_the_example_decision()
    {
        var profile = ProfileJson.Read(Fixtures.Read("contract/profile.example.json")).Value!;
        var agencies = new FiledAgencyRegistry([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);
        var evaluator = new PolicyEvaluator(Rules, new PolicyEvaluatorOptions { FiledAgencies = agencies });

        var actual = JsonDocument.Parse(DecisionJson.Write(evaluator.Evaluate(profile, new LocalDate(2026, 11, 27)))).RootElement;
        var expected = JsonDocument.Parse(Fixtures.Read("contract/decision.example.json")).RootElement;

        foreach (var field in new[] { "name", "kind", "idType", "id" })
        {
            Assert.Equal(expected.GetProperty("subject").GetProperty(field).GetString(), actual.GetProperty("subject").GetProperty(field).GetString());
        }

        Assert.Equal(expected.GetProperty("asOf").GetString(), actual.GetProperty("asOf").GetString());
        Assert.Equal(expected.GetProperty("ruleSet").GetProperty("id").GetString(), actual.GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.Equal(expected.GetProperty("ruleSet").GetProperty("version").GetString(), actual.GetProperty("ruleSet").GetProperty("version").GetString());
        Assert.Equal(Rules.Sha256, actual.GetProperty("ruleSet").GetProperty("sha256").GetString());
        var fields = new[] { "code", "kind", "clause", "title", "evidence" };
        Assert.Equal(
            expected.GetProperty("measures").EnumerateArray().Select(m => string.Join("|", fields.Select(f => m.GetProperty(f).ToString()))),
            actual.GetProperty("measures").EnumerateArray().Select(m => string.Join("|", fields.Select(f => m.GetProperty(f).ToString()))));
        Assert.Equal(0, actual.GetProperty("revokedConveniences").GetArrayLength());
        Assert.Equal(0, actual.GetProperty("warnings").GetArrayLength());
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreditPolicy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }
}
