using System.IO;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// The national rule sets shipped in rules/national/ (国办发〔2020〕42号, 国办发〔2019〕35号): each validates, passes
/// its cases, cites only clauses it declares (id, source, Chinese text) with measure codes of its own, and has
/// no analysis errors.
/// </summary>
public sealed class NationalRuleSetTests
{
    public static TheoryData<string> NationalFiles => ["gbf-2020-42.json", "gbf-2019-35.json"];

    private static readonly string[] ContractCodes =
    [
        "incentive.integrity-publicity", "incentive.green-channel", "incentive.acceptance-with-missing-materials", "incentive.priority-support",
        "penalty.dishonesty-publicity", "penalty.key-review", "penalty.revoke-conveniences",
    ];

    internal static RuleSet LoadNational(string file)
    {
        var result = RuleSet.LoadFile(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "national", file));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    [Theory]
    [MemberData(nameof(NationalFiles))]
    public void A_national_rule_set_validates_and_passes_every_case(string file)
    {
        var ruleSet = LoadNational(file);

        Assert.Empty(ruleSet.CaseProblems);
        Assert.True(ruleSet.Cases.Length >= 4);
        var results = new PolicyEvaluator(ruleSet).RunCases();
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    [MemberData(nameof(NationalFiles))]
    public void A_national_rule_set_cites_only_clauses_it_declares_and_codes_of_its_own(string file)
    {
        var ruleSet = LoadNational(file);

        Assert.NotEmpty(ruleSet.Clauses);
        Assert.All(ruleSet.Clauses, c =>
        {
            Assert.StartsWith(ruleSet.Source, c.Source, System.StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.TextZh));
        });
        Assert.All(ruleSet.Measures, m =>
        {
            Assert.Contains(ruleSet.Clauses, c => c.Id == m.Clause);
            Assert.DoesNotContain(m.Code, ContractCodes);
        });
    }

    [Fact]
    public void The_national_rule_sets_are_embedded_byte_for_byte()
    {
        var root = Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "national");

        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "gbf-2020-42.json")), RuleSet.StateCouncilOffice2020No42File());
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "gbf-2019-35.json")), RuleSet.StateCouncilOffice2019No35File());
        Assert.Equal(LoadNational("gbf-2020-42.json").Sha256, RuleSet.StateCouncilOffice2020No42.Sha256);
        Assert.Equal(LoadNational("gbf-2019-35.json").Sha256, RuleSet.StateCouncilOffice2019No35.Sha256);
        Assert.Equal("cn-gbf-2019-35", RuleSet.StateCouncilOffice2019No35.Id);
    }

    [Theory]
    [MemberData(nameof(NationalFiles))]
    public void A_national_rule_set_has_no_analysis_errors_or_warnings(string file)
    {
        var analysis = RuleSetAnalyzer.Analyze(LoadNational(file));

        Assert.Empty(analysis.Findings);
        Assert.All(analysis.Witnesses, w =>
        {
            Assert.NotNull(w.AppliesTo);
            Assert.NotNull(w.DoesNotApplyTo);
        });
    }
}
