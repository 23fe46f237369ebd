using System.Globalization;
using System.Linq;
using System.Text;
using CreditPolicy.Measures;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using Xunit;

namespace CreditPolicy.Tests.Rules;

/// <summary>
/// A rule set may declare clause ids of its own (id, source, Chinese text) and cite them, so that national
/// provisions the county notice leans on (国办发〔2020〕42号, 国办发〔2019〕35号) are rule sets that cite their own
/// document; the loader accepts a clause beyond R6.1–R7.3 only when the rule set declares it.
/// </summary>
public sealed class DeclaredClauseTests
{
    private static string File(string clauses, string clause = "N42.1", string kind = "penalty", string code = "penalty.no-approval-substitution") => $$"""
        {
          "WorkflowName": "national",
          "RuleSet": { "id": "national", "version": "1.0.0", "source": "国办发〔2020〕42号", "issuer": "国务院办公厅", "effectiveFrom": "2020-10-27",
                       "clauses": [{{clauses}}] },
          "Rules": [
            {
              "RuleName": "no substitution",
              "Expression": "facts.ActiveFalseCommitments > 0",
              "Properties": { "code": "{{code}}", "kind": "{{kind}}", "clause": "{{clause}}", "titleZh": "不适用告知承诺制", "titleEn": "No approval substitution", "evidence": ["falseCommitments"] }
            }
          ]
        }
        """;

    private const string Declared = """{ "id": "N42.1", "source": "国办发〔2020〕42号", "textZh": "曾作出虚假承诺的，在信用修复前不适用告知承诺制。", "kind": "penalty" }""";

    private static ReadResult<RuleSet> Load(string json, CultureInfo? culture = null) => RuleSet.Load(Encoding.UTF8.GetBytes(json), "national.json", culture: culture);

    [Fact]
    public void A_rule_set_cites_a_clause_it_declares_and_the_decision_cites_it()
    {
        var result = Load(File(Declared));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var declaration = Assert.Single(result.Value.Clauses);
        Assert.Equal("N42.1", declaration.Id.ToString());
        Assert.Equal("国办发〔2020〕42号", declaration.Source);
        Assert.Equal(MeasureKind.Penalty, declaration.Kind);
        Assert.False(declaration.Id.IsPolicyClause);
        Assert.Equal(declaration.Id, result.Value.Measures.Single().Clause);
    }

    [Fact]
    public void A_clause_the_rule_set_does_not_declare_is_an_error_that_lists_the_declared_ones()
    {
        var error = Assert.Single(Load(File(Declared, clause: "N42.9")).Errors);

        Assert.Equal("$.Rules[0].Properties.clause", error.Path);
        Assert.Contains("'N42.9'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("(N42.1)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void R6_R7_Without_declarations_only_the_policy_clauses_may_be_cited()
    {
        var error = Assert.Single(Load(File(string.Empty)).Errors);

        Assert.Equal("$.Rules[0].Properties.clause", error.Path);
        Assert.Contains("R7.3", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "R7.1", "source": "s", "textZh": "文" }""", "$.RuleSet.clauses[0].id")]
    [InlineData("""{ "id": "n42", "source": "s", "textZh": "文" }""", "$.RuleSet.clauses[0].id")]
    [InlineData("""{ "id": "N42 1", "source": "s", "textZh": "文" }""", "$.RuleSet.clauses[0].id")]
    [InlineData("""{ "id": "N42.1", "textZh": "文" }""", "$.RuleSet.clauses[0]")]
    [InlineData("""{ "id": "N42.1", "source": "s" }""", "$.RuleSet.clauses[0]")]
    [InlineData("""{ "id": "N42.1", "source": "s", "textZh": "文", "kind": "reward" }""", "$.RuleSet.clauses[0].kind")]
    [InlineData("""{ "id": "N42.1", "source": "s", "textZh": "文", "article": "6" }""", "$.RuleSet.clauses[0].article")]
    public void A_bad_declaration_is_a_located_error(string declaration, string path)
    {
        var errors = Load(File(declaration + ", " + Declared.Replace("N42.1", "N42.2", System.StringComparison.Ordinal), clause: "N42.2")).Errors;

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void A_clause_declared_twice_is_an_error_at_the_second()
    {
        var errors = Load(File(Declared + ", " + Declared)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("$.RuleSet.clauses[1].id", error.Path);
    }

    [Fact]
    public void A_measure_of_the_other_kind_than_its_declared_clause_is_an_error()
    {
        var error = Assert.Single(Load(File(Declared, kind: "incentive", code: "incentive.prior-acceptance")).Errors);

        Assert.Equal("$.Rules[0].Properties.clause", error.Path);
        Assert.Contains("penalty", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_code_cannot_cite_a_declared_clause()
    {
        var error = Assert.Single(Load(File(Declared, code: "penalty.key-review")).Errors);

        Assert.Contains("R7.2", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Declaration_errors_are_told_in_Chinese_too()
    {
        var errors = Load(File("""{ "id": "R7.1", "source": "s", "textZh": "文" }"""), CultureInfo.GetCultureInfo("zh-CN")).Errors;

        Assert.Contains(errors, e => e.Message.Contains("政策的条款编号", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_clauses_come_after_the_policy_clauses_in_ordinal_order()
    {
        var declared = Load(File(Declared)).Value!.Clauses.Single().Id;

        Assert.True(ClauseId.Parse("R7.3") < declared);
        Assert.True(ClauseId.Parse("TD") < declared);
        Assert.Equal(0, declared.CompareTo(declared));
    }
}
