using System.IO;
using System.Linq;
using System.Text;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// No rule file, however deep, long or arithmetic, crashes the process or aborts a run (contract v2,
/// "Limits"): each is a located error at load, or a rejection of the one profile a rule fails on.
/// </summary>
public sealed class HostileRuleFileTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    private static string File(string expression, string extraRules = "") => $$"""
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "test", "version": "0.1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11" },
          "Rules": [ {{extraRules}}
            { "RuleName": "r", "Expression": {{JsonSerializerString(expression)}},
              "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
        }
        """;

    private static string JsonSerializerString(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static ReadResult<RuleSet> Load(string json) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json");

    private static CreditProfile Profile(string rest = "") =>
        ProfileJson.Read("""{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"}""" + rest + "}").Value!;

    [Fact]
    public void Two_thousand_nested_parentheses_are_a_located_error_not_a_stack_overflow()
    {
        var error = Assert.Single(Load(File(new string('(', 2000) + "true" + new string(')', 2000))).Errors);

        Assert.Contains("MaxExpressionLength", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
        var deep = Assert.Single(Load(File(new string('(', 100) + "true" + new string(')', 100))).Errors);
        Assert.Contains("nests parentheses 100 deep", deep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_thousand_term_chain_is_a_located_error()
    {
        var chain = string.Join(" && ", Enumerable.Repeat("facts.HasBadCreditRecord", 100_000));

        Assert.Contains("MaxExpressionLength", Assert.Single(Load(File(chain)).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hundred_thousand_child_rules_are_one_located_error()
    {
        var children = string.Join(",", Enumerable.Range(0, 200_000).Select(i => $$"""{"RuleName":"c{{i}}","Expression":"true"}"""));
        var json = File("true").Replace("\"Expression\": \"true\",", $"\"Operator\": \"And\", \"Rules\": [{children}],", StringComparison.Ordinal);

        var result = RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json", new RuleFileLimits { MaxFileBytes = 64 * 1024 * 1024 });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("MaxRules", StringComparison.Ordinal));
        Assert.Contains("MaxFileBytes", Assert.Single(Load(json).Errors).Message, StringComparison.Ordinal);
        Assert.True(result.Errors.Length < 5);
    }

    [Fact]
    public void Rules_nested_too_deep_are_a_located_error()
    {
        var nested = "{\"RuleName\":\"leaf\",\"Expression\":\"true\"}";
        for (var i = 0; i < 10; i++)
        {
            nested = $$"""{"RuleName":"n{{i}}","Operator":"And","Rules":[{{nested}}]}""";
        }

        var json = File("true").Replace("\"Expression\": \"true\",", $"\"Operator\": \"And\", \"Rules\": [{nested}],", StringComparison.Ordinal);

        Assert.Contains(Load(json).Errors, e => e.Message.Contains("MaxRuleDepth", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_one_error_and_a_device_is_never_read_to_its_end()
    {
        var limits = new RuleFileLimits { MaxFileBytes = 1000 };

        Assert.Contains("MaxFileBytes", Assert.Single(RuleSet.Load(Encoding.UTF8.GetBytes(File("true") + new string(' ', 2000)), "big.json", limits).Errors).Message, StringComparison.Ordinal);
        if (System.IO.File.Exists("/dev/zero"))
        {
            Assert.Contains("MaxFileBytes", Assert.Single(RuleSet.LoadFile("/dev/zero").Errors).Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => RuleSet.Load([], "x.json", new RuleFileLimits { MaxRules = 0 }));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_invalid_UTF8_is_a_located_error()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(File("true"))).ToArray();
        var bytes = Encoding.UTF8.GetBytes(File("true").Replace("重点审查", "\u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xD6;

        Assert.True(RuleSet.Load(bom, "bom.json").Succeeded);
        var error = Assert.Single(RuleSet.Load(bytes, "gbk.json").Errors);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Division_by_zero_rejects_the_one_profile_naming_the_rule_and_the_run_goes_on()
    {
        var rules = Load(File("10 / facts.ActivePositiveRecords > 1")).Value!;
        var evaluator = new PolicyEvaluator(rules);
        var input = string.Join("\n",
            """{"subject":{"name":"甲","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""",
            """{"subject":{"name":"乙","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"c","category":"commendation","decidedOn":"2026-01-01"}]}""");
        var rejected = new System.Collections.Generic.List<RejectedProfile>();
        using var output = new MemoryStream();

        var summary = DecisionPipeline.Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, evaluator, Day, new DecisionPipelineOptions { OnRejected = rejected.Add });

        Assert.Equal((1L, 1L), (summary.Evaluated, summary.Rejected));
        var rejection = Assert.Single(rejected);
        Assert.Equal(1, rejection.Line);
        Assert.Contains("Rule 'r' (penalty.key-review)", Assert.Single(rejection.Errors).Message, StringComparison.Ordinal);
        var failure = Assert.Throws<RuleEvaluationException>(() => evaluator.Evaluate(Profile(), Day));
        Assert.Equal(("r", "penalty.key-review"), (failure.RuleName, failure.Code));
        Assert.Throws<RuleEvaluationException>(() => evaluator.EvaluateMeasures(Profile(), Day));
    }

    [Fact]
    public void Arithmetic_is_checked_so_an_overflow_is_a_rejection_never_a_silent_true()
    {
        var evaluator = new PolicyEvaluator(Load(File("2147483647 + facts.ActiveNegativeRecords + 1 < 0")).Value!);

        var failure = Assert.Throws<RuleEvaluationException>(() => evaluator.Evaluate(Profile(), Day));

        Assert.IsType<OverflowException>(failure.InnerException);
    }

    [Theory]
    [InlineData("string.Compare(facts.Kind, \"ENTERPRISE\", true) == 0")]
    [InlineData("string.Compare(facts.Kind, \"enterprise\") == 0")]
    [InlineData("string.Equals(facts.Kind, \"enterprise\", StringComparison.CurrentCultureIgnoreCase)")]
    public void Culture_sensitive_comparisons_are_refused(string expression)
    {
        var error = Assert.Single(Load(File(expression)).Errors);

        Assert.Contains("culture", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string.Equals(facts.Kind, \"enterprise\")")]
    [InlineData("string.CompareOrdinal(facts.Kind, \"enterprise\") == 0")]
    [InlineData("string.Equals(facts.Kind, \"ENTERPRISE\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("facts.Kind == \"enterprise\"")]
    public void Ordinal_comparisons_are_allowed_and_decide_the_same_under_every_culture(string expression)
    {
        var evaluator = new PolicyEvaluator(Load(File(expression)).Value!);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Single(evaluator.Evaluate(Profile(), Day).ApplicableMeasures);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("true")]
    [InlineData("iif")]
    [InlineData("Facts")]
    [InlineData("new")]
    public void A_LocalParam_may_not_shadow_a_word_of_the_expression_language(string name)
    {
        var json = File("x").Replace("\"Expression\": \"x\",", $"\"LocalParams\": [{{ \"Name\": \"{name}\", \"Expression\": \"1\" }}], \"Expression\": \"true\",", StringComparison.Ordinal);

        Assert.Contains("word of the expression language", Assert.Single(Load(json).Errors).Message, StringComparison.Ordinal);
    }

    /// <summary>One damaging change to the shipped rule file's text.</summary>
    private static Gen<Func<string, string>> Mutations =>
        Gen.OneOf(
            from cut in Gen.Choose(0, 100) select (Func<string, string>)(t => t[..(t.Length * cut / 100)]),
            from at in Gen.Choose(0, 100)
            from text in Gen.Elements("(", ")", "((((((((((", "null", "[null]", "{", "\"", "\\ud800", "/", " / 0", " * 2147483647", "\u0000", "facts.", "GetType()", "1e999", "\"Rules\": [],", new string('(', 5000))
            select (Func<string, string>)(t => t.Insert(t.Length * at / 100, text)),
            from at in Gen.Choose(0, 100) from length in Gen.Choose(1, 200)
            select (Func<string, string>)(t => t.Remove(Math.Min(t.Length * at / 100, t.Length), Math.Min(length, t.Length - Math.Min(t.Length * at / 100, t.Length)))),
            from expression in Gen.Elements("10 / facts.ActivePositiveRecords > 1", "facts.BestRating * 1000000000 > 0", "-facts.WorstRating < 0", "string.Compare(facts.Kind, \\\"a\\\", true) == 0", string.Join(" && ", Enumerable.Repeat("true", 600)))
            select (Func<string, string>)(t => t.Replace("\"!facts.HasBadCreditRecord\"", "\"" + expression + "\"", StringComparison.Ordinal)));

    private static readonly string Shipped = System.IO.File.ReadAllText(System.IO.Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));

    [Fact]
    public void Loading_never_throws_and_a_loaded_rule_set_never_throws_anything_but_a_rule_failure() => Fuzz.Check(LoadingNeverThrows(), suiteCases: 500);

    private static Property LoadingNeverThrows() =>
        Prop.ForAll(
            Arb.From(from first in Mutations from second in Mutations from profile in Generators.Profiles select (first, second, profile)),
            t =>
            {
                var result = Load(t.second(t.first(Shipped)));
                if (!result.Succeeded)
                {
                    return result.Errors.All(e => e.Line >= 0 && e.Message.Length > 0);
                }

                try
                {
                    new PolicyEvaluator(result.Value).Evaluate(t.profile, Day);
                }
                catch (RuleEvaluationException)
                {
                    // A rule that fails on one profile: the contract's answer.
                }

                return true;
            });

    [Theory]
    [InlineData("int(object(facts.Kind)) > 0")]
    [InlineData("string(object(facts.ActiveNegativeRecords)) == \"1\"")]
    public void A_conversion_from_object_that_could_fail_at_run_time_is_refused_at_load(string expression)
    {
        Assert.Contains("conversion from object", Assert.Single(Load(File(expression)).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalParams_count_once_for_every_enabled_rule_against_the_total_expression_budget()
    {
        var globals = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"Name":"g{{i}}","Expression":"{{string.Join("+", Enumerable.Repeat("1", 900))}}"}"""));
        var rules = string.Join(",", Enumerable.Range(0, 30).Select(i => "{\"RuleName\":\"x" + i + "\",\"Expression\":\"g0 > 0\",\"Properties\":{\"code\":\"penalty.x-" + i + "\",\"kind\":\"penalty\",\"clause\":\"R7.2\",\"titleZh\":\"甲\",\"titleEn\":\"A\"}}")) + ",";
        var json = File("true", rules).Replace("\"Rules\": [", $"\"GlobalParams\": [{globals}], \"Rules\": [", StringComparison.Ordinal);

        var error = Assert.Single(Load(json).Errors);

        Assert.Contains("MaxTotalExpressionLength", error.Message, StringComparison.Ordinal);
        Assert.Contains("31 enabled rules", error.Message, StringComparison.Ordinal);
    }
}
