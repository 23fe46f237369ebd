using System.Globalization;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Tests.Rules;
using CreditPolicy.Commitments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Commitments;

/// <summary>
/// A false commitment (虚假承诺: a commitment found untrue, 承诺不实) is profile data added after contract v2:
/// <c>falseCommitment</c> on a breached commitment or on a <c>commitment-breach</c> record. 国办发〔2020〕42号 bars
/// its maker from approval substitution until credit repair; like any breach it is a bad credit record that
/// ends with repair or with its publicity.
/// </summary>
public sealed class FalseCommitmentTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);

    private static string Json(string commitments = "", string records = "") => $$"""
        {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20",
         "commitments":[{{commitments}}],"records":[{{records}}]}
        """;

    private const string Untrue = """{"id":"cm-1","type":"approval-substitution","matter":"资质核准","committedOn":"2026-05-06","signedOn":"2026-05-06","breachedOn":"2026-07-01","falseCommitment":true}""";

    private static CreditProfile Read(string json)
    {
        var result = ProfileJson.Read(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }

    private static SubjectFacts Facts(CreditProfile profile, LocalDate? day = null) =>
        SubjectFacts.Compute(profile, day ?? Day, FiledAgencyRegistry.Empty, RuleSet.NationalPublicityPolicy);

    [Fact]
    public void A_false_commitment_on_a_commitment_is_read_counted_and_cited()
    {
        var profile = Read(Json(Untrue));

        Assert.True(profile.Commitments.Single().FalseCommitment);
        Assert.Equal(1, Facts(profile).ActiveFalseCommitments);
        Assert.Equal(1, Facts(profile).ActiveNegativeRecords);
        var decision = new PolicyEvaluator(NationalRuleSetTests.LoadNational("gbf-2020-42.json")).Evaluate(profile, Day);
        Assert.Equal("cm-1", Assert.Single(decision.ApplicableMeasures.Single().Evidence));
    }

    [Fact]
    public void A_false_commitment_ends_with_credit_repair()
    {
        var profile = Read(Json(Untrue.Replace("\"falseCommitment\":true", "\"falseCommitment\":true,\"breachRepairedOn\":\"2026-10-01\"", System.StringComparison.Ordinal)));

        Assert.Equal(1, Facts(profile, new LocalDate(2026, 9, 30)).ActiveFalseCommitments);
        Assert.Equal(0, Facts(profile).ActiveFalseCommitments);
    }

    [Fact]
    public void A_general_false_commitment_ends_with_its_year_of_publicity()
    {
        var profile = Read(Json(Untrue));

        Assert.Equal(1, Facts(profile, new LocalDate(2027, 6, 30)).ActiveFalseCommitments);
        Assert.Equal(0, Facts(profile, new LocalDate(2027, 7, 1)).ActiveFalseCommitments);
    }

    [Fact]
    public void A_breach_record_naming_the_commitment_carries_its_flag_and_is_counted_once()
    {
        var kept = Untrue.Replace(",\"falseCommitment\":true", string.Empty, System.StringComparison.Ordinal);
        var profile = Read(Json(kept, """{"id":"rec-b","category":"commitment-breach","decidedOn":"2026-07-01","commitmentId":"cm-1","falseCommitment":true}"""));

        Assert.Equal(1, Facts(profile).ActiveFalseCommitments);
        Assert.Equal(1, Facts(profile).BreachedCommitments);
    }

    [Fact]
    public void A_breach_record_of_another_window_can_be_a_false_commitment()
    {
        var profile = Read(Json(records: """{"id":"rec-x","category":"commitment-breach","decidedOn":"2026-07-01","falseCommitment":true}"""));

        Assert.Equal(1, Facts(profile).ActiveFalseCommitments);
        var decision = new PolicyEvaluator(NationalRuleSetTests.LoadNational("gbf-2020-42.json")).Evaluate(profile, Day);
        Assert.Contains("rec-x", decision.ApplicableMeasures.Single().Evidence);
    }

    [Theory]
    [InlineData("""{"id":"cm-1","type":"proactive-disclosure","matter":"m","committedOn":"2026-05-06","signedOn":"2026-05-06","falseCommitment":true}""", "", "$.commitments[0].falseCommitment")]
    [InlineData("""{"id":"cm-1","type":"proactive-disclosure","matter":"m","committedOn":"2026-05-06","falseCommitment":"yes"}""", "", "$.commitments[0].falseCommitment")]
    [InlineData("", """{"id":"rec-1","category":"administrative-penalty","decidedOn":"2026-07-01","falseCommitment":true}""", "$.records[0].falseCommitment")]
    public void A_false_commitment_that_cannot_be_is_a_located_error(string commitments, string records, string path)
    {
        var result = ProfileJson.Read(Json(commitments, records));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Fact]
    public void A_false_commitment_error_is_told_in_Chinese()
    {
        var result = ProfileJson.Read(
            Json("""{"id":"cm-1","type":"proactive-disclosure","matter":"m","committedOn":"2026-05-06","signedOn":"2026-05-06","falseCommitment":true}"""),
            new ProfileReadOptions { Culture = CultureInfo.GetCultureInfo("zh-CN") });

        Assert.Contains(result.Errors, e => e.Message.Contains("虚假承诺", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_false_commitment_round_trips_through_the_profile_format()
    {
        var profile = Read(Json(Untrue, """{"id":"rec-x","category":"commitment-breach","decidedOn":"2026-07-01","falseCommitment":true}"""));

        var again = Read(ProfileJson.Write(profile));

        Assert.True(again.Commitments.Single().FalseCommitment);
        Assert.True(again.Records.Single().FalseCommitment);
        Assert.Equal(ProfileJson.Write(profile), ProfileJson.Write(again));
    }

    private static Arbitrary<(CreditProfile Profile, LocalDate Day)> ProfilesAndDays =>
        Arb.From(from profile in Generators.Profiles from day in Generators.Date(new LocalDate(2021, 1, 1), 3000) select (profile, day));

    private static CreditCommitment FoundUntrue(CreditCommitment c) =>
        c.BreachedOn is null ? c : new CreditCommitment(
            c.Id, c.Type, c.Matter, c.CommittedOn, c.Window, c.SignedOn, c.MissingMaterials, c.RemedyDeadline, c.MaterialsSubmittedOn, c.BreachedOn, c.Agent,
            c.BreachSeverity, c.BreachRepairedOn, c.ReplacedCertificates, falseCommitment: true);

    [Property(MaxTest = 300)]
    public Property GBF2020_42_Finding_breaches_untrue_never_lifts_the_bar_and_bars_every_active_breach() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var evaluator = new PolicyEvaluator(NationalRuleSetTests.LoadNational("gbf-2020-42.json"));
            var untrue = new CreditProfile(t.Profile.Subject, t.Profile.Records, t.Profile.Reports, [.. t.Profile.Commitments.Select(FoundUntrue)], t.Profile.Conveniences, t.Profile.CreditCheckedOn);
            const string Bar = "penalty.no-approval-substitution";
            var barredBefore = evaluator.EvaluateMeasures(t.Profile, t.Day).Contains(Bar);
            var barredAfter = evaluator.EvaluateMeasures(untrue, t.Day).Contains(Bar);
            var activeUntrue = Facts(untrue, t.Day).ActiveFalseCommitments;
            return (!barredBefore || barredAfter) && (activeUntrue == 0 || barredAfter);
        });
}
