using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// Several rule sets evaluated as one (issue 13, composition): penalties of any set dominate incentives of every
/// set (R6, R7), a higher level's rule wins on the same measure code, conflicts are located errors at load, and
/// one rule set alone decides exactly as before.
/// </summary>
public sealed class CompositionTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false);

    /// <summary>A rule as a rule file writes it.</summary>
    internal static string Rule(string name, string code, string clause, string expression, bool enabled = true) =>
        $$"""
        { "RuleName": "{{name}}", "Expression": "{{expression}}", "Enabled": {{(enabled ? "true" : "false")}},
          "Properties": { "code": "{{code}}", "kind": "{{code[..code.IndexOf('.', StringComparison.Ordinal)]}}", "clause": "{{clause}}", "titleZh": "措施 {{code}}", "titleEn": "Measure {{code}}", "evidence": ["activeNegativeRecords"] } }
        """;

    /// <summary>A rule file with the header fields given and the rules given.</summary>
    internal static string File(string id, string? level, string effectiveFrom, string extraHeader, params string[] rules) =>
        $$"""
        {
          "WorkflowName": "{{id}}",
          "RuleSet": { "id": "{{id}}", "version": "1.0.0", "source": "{{id}} 文件", "issuer": "某机关", "effectiveFrom": "{{effectiveFrom}}"{{(level is null ? "" : $", \"level\": \"{level}\"")}}{{extraHeader}} },
          "Rules": [
        {{string.Join(",\n", rules)}}
          ]
        }
        """;

    internal static RuleSet Load(string json, string file)
    {
        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), file);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    /// <summary>A national set: its own penalty for any bad record, and its own key review (only serious records) that replaces the county's.</summary>
    internal static string NationalJson => File(
        "national-test",
        "national",
        "2021-01-01",
        "",
        Rule("N joint discipline", "penalty.joint-discipline", "R7.2", "facts.HasBadCreditRecord && facts.ActiveAdministrativePenalties > 0"),
        Rule("N key review", "penalty.key-review", "R7.2", "facts.ActiveSeriousNegativeRecords > 0"));

    /// <summary>A county set without penalties of its own but an incentive for any checked subject.</summary>
    internal static string CountyJson => File(
        "county-test",
        null,
        "2022-03-11",
        "",
        Rule("C easing", "incentive.county-easing", "R6.3", "facts.CreditChecked"),
        Rule("C key review", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord"));

    private static RuleSet National => Load(NationalJson, "national.json");

    private static RuleSet County => Load(CountyJson, "county.json");

    private static RuleSet Composed(params RuleSet[] sets)
    {
        var result = RuleSet.Compose(sets);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static CreditProfile Profile(string rest = "") =>
        ProfileJson.Read("""{"subject":{"name":"某建材有限公司","kind":"enterprise","idType":"uscc","id":"91410425MA40C1A22F"},"creditCheckedOn":"2026-11-20" """ + rest + "}").Value!;

    private static CreditProfile Penalised(string severity) =>
        Profile($$""","records":[{"id":"p1","category":"administrative-penalty","severity":"{{severity}}","decidedOn":"2026-06-01"}]""");

    private static string[] Codes(AdvisoryDecision decision) => [.. decision.ApplicableMeasures.Select(m => m.Code)];

    [Fact]
    public void A_rule_file_without_level_is_county_and_a_level_is_read()
    {
        Assert.Equal(RuleSetLevel.County, RuleSet.JiaCounty2022No8.Level);
        Assert.Equal(RuleSetLevel.County, County.Level);
        Assert.Equal(RuleSetLevel.National, National.Level);
        Assert.Equal("national-test", National.Measures[0].RuleSetId);
        Assert.Equal("jia-county-2022-8", RuleSet.JiaCounty2022No8.Measures[0].RuleSetId);
        Assert.True(RuleSet.JiaCounty2022No8.Components.IsEmpty);
        Assert.False(RuleSet.JiaCounty2022No8.IsComposite);
    }

    [Fact]
    public void An_unknown_level_is_a_located_error()
    {
        var error = Assert.Single(RuleSet.Load(Encoding.UTF8.GetBytes(File("x", "village", "2022-01-01", "", Rule("r", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord"))), "x.json").Errors);

        Assert.Equal("$.RuleSet.level", error.Path);
        Assert.Equal("x.json", error.File);
        Assert.Contains("national, provincial, municipal, county", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R6_R7_Penalties_of_one_set_dominate_incentives_of_the_other()
    {
        var evaluator = new PolicyEvaluator(Composed(County, National));

        // A general penalty: the county's own key review would not matter, the national joint discipline suppresses the county's incentive.
        var decision = evaluator.Evaluate(Penalised("general"), Day);

        Assert.Equal(["penalty.joint-discipline"], Codes(decision));
        Assert.Equal("national-test", decision.ApplicableMeasures[0].Definition.RuleSetId);
        Assert.Contains(decision.Warnings, w => w.Contains("incentive.county-easing", StringComparison.Ordinal));
        Assert.Equal(["incentive.county-easing"], Codes(evaluator.Evaluate(Profile(), Day)));
    }

    [Fact]
    public void R7_2_A_higher_level_rule_wins_on_the_same_code_and_the_lower_one_is_listed_as_overridden()
    {
        var composed = Composed(County, National);

        var overridden = Assert.Single(composed.Overridden);
        Assert.Equal(("county-test", "C key review"), (overridden.Rule.RuleSetId, overridden.Rule.RuleName));
        Assert.Equal(("national-test", "N key review"), (overridden.By.RuleSetId, overridden.By.RuleName));
        Assert.Equal("N key review", composed.FindMeasure("penalty.key-review")!.RuleName);
        var evaluator = new PolicyEvaluator(composed);

        // The county's key review (any bad record) is not evaluated: a general penalty gets no key review, a serious one does.
        Assert.DoesNotContain("penalty.key-review", Codes(evaluator.Evaluate(Penalised("general"), Day)));
        Assert.Contains("penalty.key-review", Codes(evaluator.Evaluate(Penalised("serious"), Day)));
    }

    [Fact]
    public void A_composition_has_a_deterministic_identity_whatever_the_order_given()
    {
        var composed = Composed(County, National);
        var reversed = Composed(National, County);

        Assert.Equal(["national-test", "county-test"], composed.Components.Select(c => c.Id));
        Assert.Equal("national-test+county-test", composed.Id);
        Assert.Equal("1.0.0+1.0.0", composed.Version);
        Assert.Equal(RuleSetLevel.National, composed.Level);
        Assert.Equal(new LocalDate(2022, 3, 11), composed.EffectiveFrom);
        var hashes = Encoding.UTF8.GetBytes(National.Sha256 + "\n" + County.Sha256 + "\n");
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(hashes)).ToLowerInvariant(), composed.Sha256);
        Assert.Equal(composed.Sha256, reversed.Sha256);
        Assert.Equal(DecisionJson.Write(new PolicyEvaluator(composed).Evaluate(Penalised("serious"), Day)), DecisionJson.Write(new PolicyEvaluator(reversed).Evaluate(Penalised("serious"), Day)));
    }

    [Fact]
    public void One_rule_set_composed_is_itself_and_its_decision_is_byte_identical()
    {
        var shipped = RuleSet.JiaCounty2022No8;
        var profile = ProfileJson.Read(Fixtures.Read("contract/profile.example.json")).Value!;
        var agencies = new FiledAgencyRegistry([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);

        var composed = RuleSet.Compose([shipped]);

        Assert.Same(shipped, composed.Value);
        var decision = DecisionJson.Write(new PolicyEvaluator(composed.Value!, new PolicyEvaluatorOptions { FiledAgencies = agencies }).Evaluate(profile, Day));
        // The SHA-256 of `creditpolicy evaluate --agencies samples/agencies.json --as-of 2026-11-27 docs/contract/profile.example.json`
        // before composition existed (main at 6947162): one rule set's decision line has not changed by a byte.
        var line = Encoding.UTF8.GetBytes(decision + "\n");
        Assert.Equal("84b66c822765e0bd8c01a7090fe20f66c3d4d30bcc952af1630273b26401cc49", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(line)).ToLowerInvariant());
        Assert.DoesNotContain("ruleSets", decision, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composite_decision_lists_every_rule_set_and_names_each_measures_set()
    {
        var decision = new PolicyEvaluator(Composed(County, National)).Evaluate(Penalised("serious"), Day);

        using var json = JsonDocument.Parse(DecisionJson.Write(decision));
        var root = json.RootElement;
        Assert.Equal("national-test+county-test", root.GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.Equal(64, root.GetProperty("ruleSet").GetProperty("sha256").GetString()!.Length);
        var sets = root.GetProperty("ruleSets").EnumerateArray().ToArray();
        Assert.Equal(["national-test", "county-test"], sets.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["national", "county"], sets.Select(s => s.GetProperty("level").GetString()));
        Assert.Equal(National.Sha256, sets[0].GetProperty("sha256").GetString());
        Assert.Equal("1.0.0", sets[1].GetProperty("version").GetString());
        Assert.All(root.GetProperty("measures").EnumerateArray(), m => Assert.Equal("national-test", m.GetProperty("ruleSet").GetString()));
        Assert.Equal(["ruleSet", "ruleSets"], root.EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("ruleSet", StringComparison.Ordinal)));
    }

    [Fact]
    public void R9_A_composition_takes_effect_when_its_last_set_does_and_the_error_names_that_set()
    {
        var evaluator = new PolicyEvaluator(Composed(County, National));

        var error = Assert.Throws<RuleSetNotInForceException>(() => evaluator.Evaluate(Profile(), new LocalDate(2022, 3, 10)));

        Assert.Equal("county-test", error.RuleSetId);
        Assert.Contains("county-test", error.Reason, StringComparison.Ordinal);
        Assert.True(evaluator.IsInForceOn(new LocalDate(2022, 3, 11)));
    }

    [Fact]
    public void Cases_and_filed_agencies_of_every_set_are_the_compositions()
    {
        var withAgency = Load(File("agency-set", "provincial", "2020-01-01", """, "filedAgencies": [{"name": "某评级公司", "filingNumber": "PBC-1"}]""", Rule("P", "incentive.provincial-easing", "R6.3", "facts.CreditChecked")), "p.json");
        var composed = Composed(RuleSet.JiaCounty2022No8, withAgency);

        Assert.Equal(RuleSet.JiaCounty2022No8.Cases.Length, composed.Cases.Length);
        Assert.Equal("PBC-1", Assert.Single(composed.FiledAgencies.Agencies).FilingNumber);
        Assert.Equal(RuleSetLevel.Provincial, composed.Level);
    }

    [Fact]
    public void The_same_id_twice_is_a_located_error_in_english_and_chinese()
    {
        var again = Load(CountyJson.Replace("\"level\"", "\"x\"", StringComparison.Ordinal), "county-copy.json");

        var error = Assert.Single(RuleSet.Compose([County, again]).Errors);
        var zh = Assert.Single(RuleSet.Compose([County, again], Chinese).Errors);

        Assert.Equal(("county-copy.json", "$.RuleSet.id", 3), (error.File, error.Path, error.Line));
        Assert.Contains("'county-test' is already used by county.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("规则集编号“county-test”已被 county.json 使用", zh.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_of_the_same_code_in_two_sets_of_the_same_level_are_a_located_error()
    {
        var other = Load(File("other-county", "county", "2022-01-01", "", Rule("O key review", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "other.json");

        var error = Assert.Single(RuleSet.Compose([County, other]).Errors);
        var zh = Assert.Single(RuleSet.Compose([County, other], Chinese).Errors);

        Assert.Equal(("other.json", "O key review", "$.Rules[0].Properties.code"), (error.File, error.RuleName, error.Path));
        Assert.Equal(Load(File("other-county", "county", "2022-01-01", "", Rule("O key review", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord")), "x").Measures[0].Line, error.Line);
        Assert.Contains("'C key review' of rule set 'county-test', of the same level (county)", error.Message, StringComparison.Ordinal);
        Assert.Contains("同一层级（县级）的规则集“county-test”中启用的规则“C key review”", zh.Message, StringComparison.Ordinal);
        Assert.Contains("other.json:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_rule_of_the_same_code_at_the_same_level_is_no_conflict()
    {
        var other = Load(File("other-county", "county", "2022-01-01", "", Rule("O key review", "penalty.key-review", "R7.2", "facts.HasBadCreditRecord", enabled: false), Rule("O publicity", "penalty.dishonesty-publicity", "R7.1", "facts.HasBadCreditRecord")), "other.json");

        var composed = Composed(County, other);

        Assert.Empty(composed.Overridden);
        Assert.Equal("C key review", composed.FindMeasure("penalty.key-review")!.RuleName);
        Assert.Equal(3, composed.Measures.Length);
    }

    [Fact]
    public void Different_publicity_policies_are_a_located_error()
    {
        var policy = """, "publicityPolicy": {"id": "local", "regimes": [{"id": "three-years", "source": "某县规定", "effectiveFrom": "2019-01-01", "maxima": {"administrative-penalty": {"general": "P3Y", "serious": "P3Y"}}}]}""";
        var local = Load(File("local", "municipal", "2022-01-01", policy, Rule("L", "incentive.local-easing", "R6.3", "facts.CreditChecked")), "local.json");

        var error = Assert.Single(RuleSet.Compose([County, local, National]).Errors);
        var zh = Assert.Single(RuleSet.Compose([County, local, National], Chinese).Errors);

        Assert.Equal(("local.json", "$.RuleSet.publicityPolicy"), (error.File, error.Path));
        Assert.Contains("'local' differs from 'cn-national-publicity' of rule set 'national-test'", error.Message, StringComparison.Ordinal);
        Assert.Contains("其公示政策“local”与规则集“national-test”的“cn-national-publicity”不同", zh.Message, StringComparison.Ordinal);
        Assert.True(RuleSet.Compose([local, Load(File("local2", null, "2022-01-01", policy, Rule("L2", "incentive.local2", "R6.3", "facts.CreditChecked")), "l2.json")]).Succeeded);
    }

    [Fact]
    public void More_than_64_enabled_rules_in_all_is_a_located_error()
    {
        static RuleSet Many(string id, string level, int from) =>
            Load(File(id, level, "2022-01-01", "", [.. Enumerable.Range(from, 40).Select(i => Rule($"r{i}", $"incentive.m{i}", "R6.3", "facts.CreditChecked"))]), id + ".json");

        var error = Assert.Single(RuleSet.Compose([Many("a", "national", 0), Many("b", "county", 40)]).Errors);
        var zh = Assert.Single(RuleSet.Compose([Many("a", "national", 0), Many("b", "county", 40)], Chinese).Errors);

        Assert.Equal(("b.json", "$.Rules"), (error.File, error.Path));
        Assert.Contains("at most 64 enabled rules in all", error.Message, StringComparison.Ordinal);
        Assert.Contains("最多 64 条", zh.Message, StringComparison.Ordinal);
        Assert.True(RuleSet.Compose([Many("a", "national", 0), Many("b", "county", 24)]).Succeeded); // 16 codes overlap: 64 rules
    }

    [Fact]
    public void A_composition_given_to_compose_counts_as_its_components()
    {
        var third = Load(File("city", "municipal", "2022-01-01", "", Rule("M", "incentive.city-easing", "R6.3", "facts.CreditChecked")), "city.json");

        var nested = Composed(Composed(County, National), third);

        Assert.Equal(["national-test", "city", "county-test"], nested.Components.Select(c => c.Id));
        Assert.Throws<ArgumentException>(() => RuleSet.Compose([]));
    }

    private static readonly RuleSet Shipped = RuleSet.JiaCounty2022No8;

    /// <summary>The shipped rules again, under another id and a higher level: every rule of the shipped set is overridden by its twin.</summary>
    private static readonly RuleSet Twin = Load(
        System.IO.File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"))
            .Replace("\"id\": \"jia-county-2022-8\"", "\"id\": \"jia-twin\", \"level\": \"provincial\"", StringComparison.Ordinal),
        "twin.json");

    private static readonly FiledAgencyRegistry Agencies = new([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);

    private static readonly PolicyEvaluator Alone = new(Shipped, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    private static readonly PolicyEvaluator WithTwin = new(Composed(Shipped, Twin), new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    private static readonly PolicyEvaluator WithTwinReversed = new(Composed(Twin, Shipped), new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    [Property(MaxTest = 200)]
    public Property R6_R7_A_set_composed_with_its_twin_of_a_higher_level_decides_as_the_set_alone_whatever_the_order() =>
        Prop.ForAll(Arb.From(from profile in Generators.Profiles from day in Generators.Date(Shipped.EffectiveFrom, 2200) select (Profile: profile, Day: day)), t =>
        {
            var alone = Alone.Evaluate(t.Profile, t.Day);
            var composed = WithTwin.Evaluate(t.Profile, t.Day);
            return Describe(alone) == Describe(composed)
                && composed.ApplicableMeasures.All(m => m.Definition.RuleSetId == "jia-twin")
                && alone.Warnings.SequenceEqual(composed.Warnings)
                && DecisionJson.Write(composed) == DecisionJson.Write(WithTwinReversed.Evaluate(t.Profile, t.Day));
        });

    [Fact]
    public void Every_enabled_rule_of_the_lower_twin_is_overridden()
    {
        var composed = Composed(Shipped, Twin);

        Assert.Equal(Shipped.Measures.Count(m => m.Enabled), composed.Overridden.Length);
        Assert.All(composed.Overridden, o => Assert.Equal((o.Rule.Code, "jia-county-2022-8", "jia-twin"), (o.By.Code, o.Rule.RuleSetId, o.By.RuleSetId)));
        Assert.Equal(2 * Shipped.Cases.Length, composed.Cases.Length);
        Assert.All(new PolicyEvaluator(composed).RunCases(), r => Assert.True(r.Passed, r.Describe()));
    }

    private static string Describe(AdvisoryDecision decision) =>
        string.Join("; ", decision.ApplicableMeasures.Select(m => $"{m.Code} {m.Clause} {m.Kind} {string.Join(",", m.Evidence)}")) + " | " + string.Join(",", decision.RevokedConveniences);
}
