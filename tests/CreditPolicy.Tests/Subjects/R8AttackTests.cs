using System;
using System.Collections.Generic;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Subjects;

/// <summary>
/// Red-team (issue 14 review): R8 says a valid resident identity number is masked in every decision, error,
/// <c>ToString</c> and published output, whatever field holds it (docs/traceability.md). Decision JSON masks a
/// number held in a name, an evidence id, a commitment id or a warning; the model's <c>ToString</c> overrides and a
/// few constructor exceptions repeat the same fields whole.
/// </summary>
public sealed class R8AttackTests
{
    private const string Id = "410425198503151233";

    private static readonly Subject Person =
        new("张三" + Id, SubjectKind.NaturalPerson, SubjectIdentifier.Parse(IdentifierType.ResidentId, Id));

    private static readonly CreditRecord Record =
        new("rec-" + Id, CreditRecordCategory.AdministrativePenalty, new LocalDate(2026, 1, 1), authority: "局" + Id);

    private static readonly CommitmentAgent Agent = new("李四" + Id, SubjectIdentifier.Parse(IdentifierType.ResidentId, Id));

    private static readonly CreditCommitment Commitment =
        new("c-" + Id, CommitmentType.ProactiveDisclosure, "事项" + Id, new LocalDate(2026, 1, 5), signedOn: new LocalDate(2026, 1, 5), agent: Agent);

    private static readonly CreditReport Report =
        new("r-" + Id, CreditReportKind.Enterprise, new CreditServiceAgency("机构" + Id, "F-" + Id), CreditRating.Parse("AA"), new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 1));

    private static AdvisoryDecision Decision() =>
        new PolicyEvaluator(RuleSet.JiaCounty2022No8).Evaluate(new CreditProfile(Person, [Record], null, [Commitment]), new LocalDate(2026, 11, 27));

    public static TheoryData<string> Outputs() => new()
    {
        "Subject",
        "CreditRecord",
        "CommitmentAgent",
        "CreditCommitment",
        "CreditReport",
        "CreditProfile",
        "AdvisoryDecision",
        "ApplicableMeasure",
    };

    private static string Output(string what) => what switch
    {
        "Subject" => Person.ToString(),
        "CreditRecord" => Record.ToString(),
        "CommitmentAgent" => Agent.ToString(),
        "CreditCommitment" => Commitment.ToString(),
        "CreditReport" => Report.ToString(),
        "CreditProfile" => new CreditProfile(Person, [Record], [Report], [Commitment]).ToString(),
        "AdvisoryDecision" => Decision().ToString(),
        "ApplicableMeasure" => Decision().ApplicableMeasures[0].ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void R8_ToString_never_shows_a_resident_number_held_in_a_name_or_an_id(string what)
    {
        var text = Output(what);

        Assert.DoesNotContain(Id, text, StringComparison.Ordinal);
        Assert.Contains("410425********1233", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Failures() => new()
    {
        "duplicate id in a profile",
        "credit rating",
        "duplicate filing number",
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void R8_An_exception_message_never_repeats_a_resident_number_it_was_given(string what)
    {
        Action act = what switch
        {
            "duplicate id in a profile" => () => _ = new CreditProfile(Person, [Record, Record]),
            "credit rating" => () => CreditRating.Parse(Id),
            "duplicate filing number" => () => _ = new FiledAgencyRegistry([new CreditServiceAgency("甲", Id), new CreditServiceAgency("乙", Id)]),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var ex = Assert.ThrowsAny<Exception>(act);

        Assert.DoesNotContain(Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_A_rule_sets_rule_and_case_names_holding_a_number_are_masked_in_ToString()
    {
        var file = $$"""
            {
              "WorkflowName": "test",
              "RuleSet": { "id": "local-{{Id}}", "version": "1.0", "source": "test", "issuer": "test", "effectiveFrom": "2022-03-11" },
              "Rules": [ { "RuleName": "rule-{{Id}}", "Expression": "facts.HasBadCreditRecord",
                "Properties": { "code": "penalty.key-review", "kind": "penalty", "clause": "R7.2", "titleZh": "重点审查", "titleEn": "Key review" } } ]
            }
            """;
        var rules = RuleSet.Load(System.Text.Encoding.UTF8.GetBytes(file), "local.json");
        Assert.True(rules.Succeeded, string.Join("\n", rules.Errors));

        Assert.DoesNotContain(Id, rules.Value!.ToString(), StringComparison.Ordinal);
        Assert.All(rules.Value.Measures, measure => Assert.DoesNotContain(Id, measure.ToString(), StringComparison.Ordinal));
    }
}
