using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using FsCheck.Fluent;
using NodaTime;
using RulesEngine.Models;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// The shipped file is in RulesEngine's own format: RulesEngine itself loads it and, run the way most of its
/// users run it, reaches the same verdict as CreditPolicy's compiled delegates for every enabled rule.
/// </summary>
public sealed class RulesEngineFidelityTests
{
    private static readonly JsonSerializerOptions RuleFileOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Fact]
    public async Task RulesEngine_and_the_compiled_rules_agree_on_every_rule_for_generated_profiles()
    {
        var path = Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json");
        var workflow = JsonSerializer.Deserialize<Workflow>(File.ReadAllText(path), RuleFileOptions)!;
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(SubjectFacts)] });
        var rules = RuleSet.JiaCounty2022No8;
        var agencies = new FiledAgencyRegistry([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);
        var samples = (from profile in Generators.Profiles from day in Generators.Date(rules.EffectiveFrom, 2200) select (profile, day)).Sample(200);

        foreach (var (profile, day) in samples)
        {
            var facts = SubjectFacts.Compute(profile, day, agencies, RuleSet.NationalPublicityPolicy);
            var results = await engine.ExecuteAllRulesAsync(workflow.WorkflowName, new RuleParameter("facts", facts));

            Assert.Equal(rules.Compiled.Length, results.Count);
            foreach (var compiled in rules.Compiled)
            {
                var result = Assert.Single(results, r => r.Rule.RuleName == compiled.Definition.RuleName);
                Assert.True(string.IsNullOrEmpty(result.ExceptionMessage), result.ExceptionMessage);
                Assert.Equal(result.IsSuccess, compiled.Predicate(facts));
            }
        }
    }
}
