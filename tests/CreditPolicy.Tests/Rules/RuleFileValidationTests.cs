using System.Linq;
using System.Text;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Rules;

public sealed class RuleFileValidationTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    // Line numbers in these tests count from this template's first line.
    private const string Template = """
        {
          "WorkflowName": "test",
          "RuleSet": { "id": "test", "version": "0.1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11" },
          "Rules": [
            {
              "RuleName": "green",
              "Expression": "!facts.HasBadCreditRecord",
              "Properties": { "code": "incentive.green-channel", "kind": "incentive", "clause": "R6.2", "titleZh": "绿色通道", "titleEn": "Green channel" }
            },
            {
              "RuleName": "review",
              "Expression": "facts.HasBadCreditRecord",
              "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review", "evidence": ["badCreditRecords"] }
            }
          ]
        }
        """;

    private static ReadResult<RuleSet> Load(string json) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "test.json");

    /// <summary>The one problem of the file's cases: the rules load all the same (cases never block evaluation).</summary>
    private static InputError SingleCaseProblem(string json)
    {
        var result = Load(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Assert.Single(result.Value.CaseProblems);
    }

    private static InputError SingleError(string json)
    {
        var result = Load(json);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    private static CreditProfile Profile(string records = "", string commitments = "") =>
        ProfileJson.Read($$"""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"某局"},
             "records":[{{records}}], "commitments":[{{commitments}}]}
            """).Value!;

    private const string Penalty = """{"id":"p1","category":"administrative-penalty","decidedOn":"2026-01-01"}""";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-16-no-bom")]
    public void A_rule_file_saved_as_UTF16_is_named_as_UTF16_not_as_GBK(string encoding)
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"));
        var bytes = encoding switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };

        var error = Assert.Single(RuleSet.Load(bytes, "r.json").Errors);
        var chinese = Assert.Single(RuleSet.Load(bytes, "r.json", culture: System.Globalization.CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false)).Errors);

        Assert.StartsWith("The file is UTF-16 text, not UTF-8", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("文件是 UTF-16 编码的文本", chinese.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_is_a_valid_rule_set()
    {
        var result = Load(Template);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Value.Measures.Length);
    }

    [Theory]
    [InlineData("incentive.11010519491231002x")]
    [InlineData("incentive.id-110105194912310029")]
    public void A_measure_code_holding_a_resident_id_is_an_error_because_codes_are_never_masked(string code)
    {
        // 110105194912310029 is not valid (its check is X); the shape alone is refused, as in messages.
        var error = SingleError(Template.Replace("incentive.green-channel", code, StringComparison.Ordinal));

        Assert.Equal("$.Rules[0].Properties.code", error.Path);
        Assert.Contains("shaped like a resident identity number", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1101051949123100", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_with_a_suggestion_not_a_missing_rule()
    {
        var errors = Load(Template.Replace("\"Expression\": \"!facts", "\"Expresion\": \"!facts", StringComparison.Ordinal)).Errors;

        // One mistake, one message: the misspelling with its suggestion, not also "Missing required field 'Expression'".
        var typo = Assert.Single(errors);
        Assert.Equal("test.json:7: rule 'green': $.Rules[0].Expresion: Unknown field 'Expresion' (did you mean 'Expression'?); it would be silently ignored.", typo.ToString());
    }

    [Fact]
    public void A_field_in_the_wrong_case_is_caught_too()
    {
        var error = SingleError(Template.Replace("\"RuleName\": \"green\"", "\"RuleName\": \"green\", \"enabled\": false", StringComparison.Ordinal));

        Assert.Contains("did you mean 'Enabled'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ErrorMessage", "\"x\"")]
    [InlineData("SuccessEvent", "\"x\"")]
    [InlineData("Actions", "{}")]
    [InlineData("WorkflowsToInject", "[]")]
    public void RulesEngine_features_not_supported_are_rejected_by_name(string field, string value)
    {
        var error = SingleError(Template.Replace("\"RuleName\": \"review\",", $"\"RuleName\": \"review\", \"{field}\": {value},", StringComparison.Ordinal));

        Assert.Equal("review", error.RuleName);
        Assert.Equal(11, error.Line);
        Assert.Contains($"'{field}' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_names_are_an_error()
    {
        var error = SingleError(Template.Replace("\"RuleName\": \"review\"", "\"RuleName\": \"green\"", StringComparison.Ordinal));

        Assert.Contains("same RuleName", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void Duplicate_measure_codes_are_an_error()
    {
        var json = Template
            .Replace("\"code\": \"penalty.key-review\"", "\"code\": \"incentive.green-channel\"", StringComparison.Ordinal)
            .Replace("\"kind\": \"penalty\", \"clause\": \"R7.2\"", "\"kind\": \"incentive\", \"clause\": \"R6.2\"", StringComparison.Ordinal);

        var error = SingleError(json);

        Assert.Contains("'incentive.green-channel' is already used", error.Message, StringComparison.Ordinal);
        Assert.Equal(13, error.Line);
    }

    [Theory]
    [InlineData("\"clause\": \"R6.2\"", "\"clause\": \"R6.4\"", "not a clause id")]
    [InlineData("\"clause\": \"R6.2\"", "\"clause\": \"R7.1\"", "An incentive cites R6.1, R6.2 or R6.3")]
    [InlineData("\"clause\": \"R6.2\"", "\"clause\": \"R6.3\"", "the contract's R6.2 measure")]
    [InlineData("\"code\": \"incentive.green-channel\"", "\"code\": \"penalty.green-channel\"", "must be 'incentive.'")]
    [InlineData("\"code\": \"incentive.green-channel\"", "\"code\": \"incentive.Green_Channel\"", "lowercase words")]
    [InlineData("\"kind\": \"incentive\"", "\"kind\": \"reward\"", "Unknown value 'reward'")]
    [InlineData(", \"titleZh\": \"绿色通道\"", "", "Missing required field 'titleZh'")]
    public void Measure_metadata_is_checked(string from, string to, string reason)
    {
        var errors = Load(Template.Replace(from, to, StringComparison.Ordinal)).Errors;
        var error = Assert.Single(errors, e => e.Message.Contains(reason, StringComparison.Ordinal));

        Assert.Equal("green", error.RuleName);
        Assert.Equal(8, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts.NoSuchFact", "does not compile")]
    [InlineData("facts.ActiveNegativeRecords", "does not compile")]
    [InlineData("facts.HasBadCreditRecord &&", "does not compile")]
    [InlineData("facts.GetType().Assembly != null", "GetType")]
    [InlineData("facts.Kind.Length > 3", "not a fact")]
    [InlineData("Enumerable.Range(0, 300000000).Count() > 0", "")]
    [InlineData("\\\"x\\\".PadLeft(200000000).Length > 0", "")]
    [InlineData("DateTime.Now.Year > 2000", "")]
    public void Expressions_compile_eagerly_and_keep_to_the_fact_vocabulary(string expression, string reason)
    {
        var error = SingleError(Template.Replace("\"!facts.HasBadCreditRecord\"", $"\"{expression}\"", StringComparison.Ordinal));

        Assert.Equal("green", error.RuleName);
        Assert.Equal(7, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_may_be_compared_with_strings_and_numbers()
    {
        var json = Template.Replace("\"!facts.HasBadCreditRecord\"", "\"facts.Kind == \\\"enterprise\\\" && facts.BestRating >= 0 && (facts.ActiveNegativeRecords + 1) * 2 > 1\"", StringComparison.Ordinal);

        var result = Load(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(new PolicyEvaluator(result.Value).Evaluate(Profile(), Day).IsApplicable("incentive.green-channel"));
    }

    [Fact]
    public void Conditional_iif_is_allowed()
    {
        var json = Template.Replace("\"!facts.HasBadCreditRecord\"", "\"iif(facts.IsNaturalPerson, facts.EnjoyedConveniences, 0) == 0\"", StringComparison.Ordinal);

        var result = Load(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(new PolicyEvaluator(result.Value).Evaluate(Profile(), Day).IsApplicable("incentive.green-channel"));
    }

    [Fact]
    public void JSON_syntax_errors_give_the_line()
    {
        var error = SingleError(Template.Replace("\"RuleName\": \"review\",", "\"RuleName\": \"review\" oops", StringComparison.Ordinal));

        Assert.Equal(11, error.Line);
        Assert.StartsWith("Invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_for_policy_staff()
    {
        var json = Template.Replace("\"Rules\": [", "// one rule per clause\n  \"Rules\": [", StringComparison.Ordinal).Replace("\"Key review\", \"evidence\": [\"badCreditRecords\"] }", "\"Key review\", \"evidence\": [\"badCreditRecords\"], }", StringComparison.Ordinal);

        Assert.True(Load(json).Succeeded);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once_in_line_order()
    {
        var json = Template
            .Replace("\"version\": \"0.1.0\", ", string.Empty, StringComparison.Ordinal)
            .Replace("\"Expression\": \"!facts", "\"Expresion\": \"!facts", StringComparison.Ordinal)
            .Replace("\"clause\": \"R7.2\"", "\"clause\": \"R9.9\"", StringComparison.Ordinal);

        var errors = Load(json).Errors;

        Assert.Equal(3, errors.Length); // one message per mistake
        Assert.Equal(errors.Select(e => e.Line).Order(), errors.Select(e => e.Line));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("'version'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 13 && e.RuleName == "review");
    }

    [Fact]
    public void LocalParams_are_supported_with_RulesEngine_semantics()
    {
        var json = Template.Replace(
            "\"Expression\": \"facts.HasBadCreditRecord\",",
            "\"LocalParams\": [ { \"Name\": \"bad\", \"Expression\": \"facts.ActiveNegativeRecords + facts.BreachedCommitments\" }, { \"Name\": \"many\", \"Expression\": \"bad >= 2\" } ], \"Expression\": \"many\",",
            StringComparison.Ordinal);
        var evaluator = new PolicyEvaluator(Load(json).Value!);

        Assert.False(evaluator.Evaluate(Profile(Penalty), Day).IsApplicable("penalty.key-review"));
        Assert.True(evaluator.Evaluate(Profile(Penalty + "," + Penalty.Replace("p1", "p2", StringComparison.Ordinal)), Day).IsApplicable("penalty.key-review"));
    }

    [Fact]
    public void GlobalParams_are_visible_to_every_rule()
    {
        var json = Template
            .Replace("\"!facts.HasBadCreditRecord\"", "\"!bad\"", StringComparison.Ordinal)
            .Replace("\"facts.HasBadCreditRecord\"", "\"bad\"", StringComparison.Ordinal)
            .Replace("\"Rules\": [", "\"GlobalParams\": [ { \"Name\": \"bad\", \"Expression\": \"facts.HasBadCreditRecord\" } ],\n  \"Rules\": [", StringComparison.Ordinal);
        var evaluator = new PolicyEvaluator(Load(json).Value!);

        Assert.True(evaluator.Evaluate(Profile(Penalty), Day).IsApplicable("penalty.key-review"));
        Assert.True(evaluator.Evaluate(Profile(), Day).IsApplicable("incentive.green-channel"));
    }

    [Theory]
    [InlineData("Or", true, true)]
    [InlineData("OrElse", true, true)]
    [InlineData("And", false, true)]
    [InlineData("AndAlso", false, true)]
    public void Nested_rules_combine_by_their_operator(string op, bool onePenalty, bool twoPenalties)
    {
        var json = Template.Replace(
            "\"Expression\": \"facts.HasBadCreditRecord\",",
            $"\"Operator\": \"{op}\", \"Rules\": [ {{ \"RuleName\": \"any\", \"Expression\": \"facts.ActiveNegativeRecords > 0\" }}, {{ \"RuleName\": \"two\", \"Expression\": \"facts.ActiveNegativeRecords > 1\" }}, {{ \"RuleName\": \"off\", \"Enabled\": false, \"Expression\": \"false\" }} ],",
            StringComparison.Ordinal);
        var result = Load(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var evaluator = new PolicyEvaluator(result.Value);

        Assert.Equal(onePenalty, evaluator.Evaluate(Profile(Penalty), Day).IsApplicable("penalty.key-review"));
        Assert.Equal(twoPenalties, evaluator.Evaluate(Profile(Penalty + "," + Penalty.Replace("p1", "p2", StringComparison.Ordinal)), Day).IsApplicable("penalty.key-review"));
    }

    [Fact]
    public void Nested_rules_need_a_known_operator_and_no_ignored_expression()
    {
        var json = Template.Replace(
            "\"Expression\": \"facts.HasBadCreditRecord\",",
            "\"Operator\": \"Xor\", \"Expression\": \"true\", \"Rules\": [ { \"RuleName\": \"a\", \"Expression\": \"true\" } ],",
            StringComparison.Ordinal);

        var errors = Load(json).Errors;

        Assert.Contains(errors, e => e.Message.Contains("needs an Operator", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_profile_error_is_located_in_the_rule_file()
    {
        var json = Template.Replace("\n}", """
            ,
              "Cases": [
                { "name": "bad", "asOf": "2026-11-27",
                  "profile": { "subject": { "name": "某公司", "kind": "enterprise", "idType": "uscc",
                    "id": "914403001922038217" } },
                  "mustReceive": ["incentive.green-channel"] }
              ]
            }
            """, StringComparison.Ordinal);

        var error = SingleCaseProblem(json);

        Assert.Equal(19, error.Line);
        Assert.Equal("$.Cases[0].profile.subject.id", error.Path);
    }

    [Theory]
    [InlineData("\"mustReceive\": [\"incentive.no-such\"]", "not a measure code")]
    [InlineData("\"mustReceive\": [\"incentive.green-channel\"], \"mustNotReceive\": [\"incentive.green-channel\"]", "both in mustReceive")]
    [InlineData("\"note\": \"nothing expected\"", "must expect something")]
    public void Case_expectations_are_checked(string expectations, string reason)
    {
        var json = Template.Replace("\n}", $$"""
            ,
              "Cases": [ { "name": "c", "asOf": "2026-11-27", "profile": { "subject": { "name": "某公司", "kind": "enterprise", "idType": "uscc", "id": "914403001922038216" } }, {{expectations}} } ]
            }
            """, StringComparison.Ordinal);

        Assert.Contains(reason, SingleCaseProblem(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_case_names_the_difference()
    {
        var json = Template.Replace("\n}", $$"""
            ,
              "Cases": [ { "name": "penalised", "asOf": "2026-11-27",
                "profile": { "subject": { "name": "某公司", "kind": "enterprise", "idType": "uscc", "id": "914403001922038216" }, "records": [{{Penalty}}] },
                "mustReceive": ["incentive.green-channel"], "mustNotReceive": ["penalty.key-review"] } ]
            }
            """, StringComparison.Ordinal);

        var result = Assert.Single(new PolicyEvaluator(Load(json).Value!).RunCases());

        Assert.False(result.Passed);
        Assert.Equal(["incentive.green-channel"], result.Missing.ToArray());
        Assert.Equal(["penalty.key-review"], result.Unexpected.ToArray());
        Assert.Contains("FAIL penalised (line 16)", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("received: [penalty.key-review]", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_one_error_not_an_exception()
    {
        var result = RuleSet.LoadFile("/no/such/rules.json");

        Assert.Equal("/no/such/rules.json", Assert.Single(result.Errors).File);
    }
}
