using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CreditPolicy.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace CreditPolicy.Extensions.Tests;

/// <summary>
/// An app composes the county's rules with national rule sets (issue 13): from files, watched and reloaded like
/// the county's, or from the sets embedded in the library; a conflict between them is a failed load.
/// </summary>
public sealed class ComposedRulesTests
{
    /// <summary>An enterprise whose approval-substitution commitment was found untrue (国办发〔2020〕42号).</summary>
    private const string FalseCommitment =
        """{"subject":{"name":"郏县示例建材有限公司","kind":"enterprise","idType":"uscc","id":"91410425MA3X12345R"},"creditCheckedOn":"2026-11-20","commitments":[{"id":"cm-1","type":"approval-substitution","matter":"资质核准","committedOn":"2026-05-06","signedOn":"2026-05-06","breachedOn":"2026-07-01","falseCommitment":true}]}""";

    private static string National => System.Text.Encoding.UTF8.GetString(RuleSet.StateCouncilOffice2020No42File());

    [Fact]
    public async Task GBF2020_42_A_national_rule_file_composed_with_the_county_file_decides_and_is_reloaded_when_edited()
    {
        var folder = Directory.CreateTempSubdirectory("creditpolicy-national-").FullName;
        var national = Path.Combine(folder, "gbf-2020-42.json");
        File.WriteAllText(national, National);
        using var host = new PolicyHost(o => o.ComposedRuleFiles.Add(national));

        var decision = host.Policy.Evaluate(Profiles.Read(FalseCommitment));

        Assert.True(host.Policy.Current.RuleSet.IsComposite);
        Assert.Contains(decision.ApplicableMeasures, m => m.Code == "penalty.no-approval-substitution" && m.Definition.RuleSetId == "cn-gbf-2020-42");
        Assert.Contains(decision.ApplicableMeasures, m => m.Code == "penalty.key-review");
        Assert.EndsWith(" + " + national, host.Policy.Current.Source, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);

        File.WriteAllText(national, National.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "1.0.1+1.0.0", "the national set's version 1.0.1");
    }

    [Fact]
    public void GBF2019_35_An_embedded_national_rule_set_is_composed_with_the_shipped_rules()
    {
        using var host = new PolicyHost(o =>
        {
            o.RuleFile = null;
            o.ComposedRules.Add(RuleSet.StateCouncilOffice2019No35);
        });

        var decision = host.Policy.Evaluate(Profiles.Read(Profiles.Person));

        Assert.Contains(decision.ApplicableMeasures, m => m.Code == "incentive.prior-acceptance-on-commitment");
        Assert.Contains(decision.ApplicableMeasures, m => m.Code == "incentive.green-channel");
    }

    [Fact]
    public void A_composed_file_with_the_county_rule_sets_id_fails_to_load_naming_the_conflict()
    {
        var folder = Directory.CreateTempSubdirectory("creditpolicy-conflict-").FullName;
        var copy = Path.Combine(folder, "copy.json");
        File.WriteAllBytes(copy, RuleSet.JiaCounty2022No8File());
        using var host = new PolicyHost(o => o.ComposedRuleFiles.Add(copy));

        var error = Assert.Throws<InvalidOperationException>(() => host.Policy);

        Assert.Contains("jia-county-2022-8", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Error).Concat(host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning)), m => m.Contains("copy.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_composed_rule_file_that_does_not_exist_is_an_options_problem_naming_it()
    {
        using var host = new PolicyHost(o => o.ComposedRuleFiles.Add("no-such-national.json"));

        var error = Assert.ThrowsAny<Exception>(() => host.Policy);

        Assert.Contains("ComposedRuleFiles[0]", error.Message, StringComparison.Ordinal);
    }
}
