using System.Linq;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Records;

/// <summary>
/// R2 (only lawfully published information is a credit record) and contract v2's "Publicity end", regime by
/// regime and boundary by boundary: the day before and the day of each maximum, and each regime's first day.
/// </summary>
public sealed class PublicityPolicyTests
{
    private static readonly PublicityPolicy National = RuleSet.NationalPublicityPolicy;

    private static CreditRecord Penalty(LocalDate decided, RecordSeverity? severity = null, LocalDate? publicUntil = null, CreditRecordCategory category = CreditRecordCategory.AdministrativePenalty) =>
        new("p", category, decided, severity, publicUntil: publicUntil);

    private static bool Active(CreditRecord record, int year, int month, int day) => record.IsActiveOn(new LocalDate(year, month, day), National);

    [Fact]
    public void The_national_policy_ships_527_Order_58_and_Order_36_each_from_its_first_day_with_its_source()
    {
        Assert.Equal(["ndrc-2019-527", "ndrc-order-58-2023", "ndrc-order-36-2025"], National.Regimes.Select(r => r.Id).ToArray());
        Assert.Equal(new LocalDate(2023, 5, 1), National.Regimes[1].EffectiveFrom);
        Assert.Equal(new LocalDate(2026, 4, 1), National.Regimes[2].EffectiveFrom);
        Assert.Contains("发改办财金〔2019〕527号", National.Regimes[0].Source, StringComparison.Ordinal);
        Assert.Contains("第58号", National.Regimes[1].Source, StringComparison.Ordinal);
        Assert.Contains("第36号", National.Regimes[2].Source, StringComparison.Ordinal);
        Assert.All(National.Regimes, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis)));

        Assert.Equal("ndrc-order-58-2023", National.RegimeOn(new LocalDate(2026, 3, 31))!.Id);
        Assert.Equal("ndrc-order-36-2025", National.RegimeOn(new LocalDate(2026, 4, 1))!.Id);
        Assert.Equal("ndrc-2019-527", National.RegimeOn(new LocalDate(2023, 4, 30))!.Id);
        Assert.Equal("ndrc-order-58-2023", National.RegimeOn(new LocalDate(2023, 5, 1))!.Id);
        Assert.Null(National.RegimeOn(new LocalDate(2019, 1, 1)));
    }

    [Fact]
    public void Order_36_periods_are_checked_against_its_text_minor_3_months_general_1_year_serious_3_years_for_every_kind()
    {
        var regime = National.RegimeOn(new LocalDate(2026, 4, 1))!;
        foreach (var information in Enum.GetValues<PublicityInformation>())
        {
            Assert.Equal(Period.FromMonths(3), regime.MaximumFor(information, RecordSeverity.Minor));
            Assert.Equal(Period.FromYears(1), regime.MaximumFor(information, RecordSeverity.General));
            Assert.Equal(Period.FromYears(3), regime.MaximumFor(information, RecordSeverity.Serious));
        }
    }

    [Fact]
    public void Order_58_and_527_set_periods_for_administrative_penalties_only()
    {
        var order58 = National.Regimes[1];
        var notice527 = National.Regimes[0];
        Assert.Equal(Period.FromYears(3), order58.MaximumFor(PublicityInformation.AdministrativePenalty, RecordSeverity.General));
        Assert.Equal(Period.FromYears(3), order58.MaximumFor(PublicityInformation.AdministrativePenalty, RecordSeverity.Serious));
        Assert.Equal(Period.FromYears(1), notice527.MaximumFor(PublicityInformation.AdministrativePenalty, RecordSeverity.General));
        Assert.Equal(Period.FromYears(3), notice527.MaximumFor(PublicityInformation.AdministrativePenalty, RecordSeverity.Serious));
        Assert.Null(order58.MaximumFor(PublicityInformation.OtherNegative, RecordSeverity.General));
        Assert.Null(notice527.MaximumFor(PublicityInformation.CommitmentBreach, RecordSeverity.Serious));
    }

    [Fact]
    public void R2_Order_36_A_general_penalty_is_a_record_on_the_last_day_of_its_year_and_not_the_day_after()
    {
        var penalty = Penalty(new LocalDate(2026, 4, 10), RecordSeverity.General);

        Assert.True(Active(penalty, 2027, 4, 9));
        Assert.False(Active(penalty, 2027, 4, 10));
        Assert.Equal(new LocalDate(2027, 4, 9), penalty.PublicityEndOn(new LocalDate(2027, 4, 10), National));
    }

    [Fact]
    public void R2_Order_36_A_serious_penalty_lasts_three_years_to_the_day()
    {
        var penalty = Penalty(new LocalDate(2026, 5, 1), RecordSeverity.Serious);

        Assert.True(Active(penalty, 2029, 4, 30));
        Assert.False(Active(penalty, 2029, 5, 1));
    }

    [Fact]
    public void R2_Order_36_Minor_information_without_a_publicity_period_is_never_a_record_and_with_one_at_most_three_months()
    {
        var unpublished = Penalty(new LocalDate(2026, 5, 1), RecordSeverity.Minor);
        var published = Penalty(new LocalDate(2026, 5, 1), RecordSeverity.Minor, new LocalDate(2026, 12, 31));

        Assert.False(Active(unpublished, 2026, 5, 1));
        Assert.True(Active(published, 2026, 7, 31));
        Assert.False(Active(published, 2026, 8, 1));
    }

    [Fact]
    public void R2_An_explicit_publicUntil_within_the_maximum_ends_the_record_on_its_own_day()
    {
        var penalty = Penalty(new LocalDate(2026, 6, 1), RecordSeverity.Serious, new LocalDate(2026, 12, 31));

        Assert.True(Active(penalty, 2026, 12, 31));
        Assert.False(Active(penalty, 2027, 1, 1));
    }

    [Fact]
    public void R2_Leap_day_decisions_end_the_day_before_the_same_date_a_year_later()
    {
        // 2024-02-29 plus one year is 2025-02-28 (NodaTime keeps to the month's end): the last day is 2025-02-27.
        var oneYear = new PublicityPolicy("t", [new PublicityRegime("t", "test", new LocalDate(2020, 1, 1), [new PublicityMaximum(PublicityInformation.AdministrativePenalty, RecordSeverity.General, Period.FromYears(1))])]);
        var penalty = Penalty(new LocalDate(2024, 2, 29), RecordSeverity.General);
        var dayBefore = Penalty(new LocalDate(2024, 2, 28), RecordSeverity.General);

        Assert.True(penalty.IsActiveOn(new LocalDate(2025, 2, 27), oneYear));
        Assert.False(penalty.IsActiveOn(new LocalDate(2025, 2, 28), oneYear));
        Assert.True(dayBefore.IsActiveOn(new LocalDate(2025, 2, 27), oneYear));
        Assert.False(dayBefore.IsActiveOn(new LocalDate(2025, 2, 28), oneYear));
        Assert.Equal(new LocalDate(2025, 2, 27), penalty.PublicityEndOn(new LocalDate(2025, 2, 28), oneYear));
    }

    [Fact]
    public void R2_Order_58_A_general_penalty_is_published_up_to_three_years_and_ends_on_the_last_day()
    {
        Assert.True(Active(Penalty(new LocalDate(2022, 6, 2), RecordSeverity.General), 2025, 6, 1));
        Assert.False(Active(Penalty(new LocalDate(2022, 6, 1), RecordSeverity.General), 2025, 6, 1));
    }

    [Fact]
    public void R2_On_the_first_day_of_Order_36_a_general_penalty_older_than_a_year_stops_being_a_record()
    {
        var penalty = Penalty(new LocalDate(2024, 6, 1), RecordSeverity.General);

        Assert.True(Active(penalty, 2026, 3, 31));
        Assert.False(Active(penalty, 2026, 4, 1));
    }

    [Fact]
    public void R2_Under_527_a_general_penalty_ended_after_one_year_and_a_serious_one_after_three()
    {
        Assert.True(Active(Penalty(new LocalDate(2022, 4, 1), RecordSeverity.General), 2023, 3, 31));
        Assert.False(Active(Penalty(new LocalDate(2022, 4, 1), RecordSeverity.General), 2023, 4, 1));
        Assert.True(Active(Penalty(new LocalDate(2022, 4, 1), RecordSeverity.Serious), 2023, 4, 30));
    }

    [Fact]
    public void R2_Other_negative_information_had_no_national_maximum_before_Order_36_and_has_one_from_its_first_day()
    {
        var other = Penalty(new LocalDate(2022, 4, 1), category: CreditRecordCategory.OtherNegative);

        Assert.True(Active(other, 2026, 3, 31));
        Assert.False(Active(other, 2026, 4, 1));
    }

    [Fact]
    public void R2_Listings_are_not_capped_they_last_until_removal()
    {
        var listed = Penalty(new LocalDate(2020, 1, 1), category: CreditRecordCategory.SeriousDishonestyList);

        Assert.True(Active(listed, 2030, 1, 1));
        Assert.False(Penalty(new LocalDate(2020, 1, 1), publicUntil: new LocalDate(2024, 1, 1), category: CreditRecordCategory.DishonestJudgmentDebtor).IsActiveOn(new LocalDate(2024, 1, 2), National));
    }

    [Fact]
    public void C1_Order_36_A_general_breach_ends_after_a_year_a_serious_one_after_three_and_repair_ends_it_at_once()
    {
        CreditCommitment Breached(RecordSeverity? severity, LocalDate? repaired = null) =>
            new("k", CommitmentType.ProactiveDisclosure, "食品经营许可", new LocalDate(2026, 4, 1), signedOn: new LocalDate(2026, 4, 1),
                breachedOn: new LocalDate(2026, 5, 1), breachSeverity: severity, breachRepairedOn: repaired);

        Assert.True(Breached(null).Breach!.IsActiveOn(new LocalDate(2027, 4, 30), National));
        Assert.False(Breached(null).Breach!.IsActiveOn(new LocalDate(2027, 5, 1), National));
        Assert.True(Breached(RecordSeverity.Serious).Breach!.IsActiveOn(new LocalDate(2029, 4, 30), National));
        Assert.False(Breached(RecordSeverity.Minor).Breach!.IsActiveOn(new LocalDate(2026, 5, 1), National));
        var repaired = Breached(RecordSeverity.Serious, new LocalDate(2026, 9, 1)).Breach!;
        Assert.True(repaired.IsActiveOn(new LocalDate(2026, 8, 31), National));
        Assert.False(repaired.IsActiveOn(new LocalDate(2026, 9, 1), National));
    }

    [Fact]
    public void Without_a_regime_nothing_ends_before_its_own_publicUntil()
    {
        Assert.True(Penalty(new LocalDate(2022, 4, 1), RecordSeverity.General).IsActiveOn(new LocalDate(2030, 1, 1), PublicityPolicy.None));
    }

    [Fact]
    public void Dates_at_the_ends_of_the_calendar_never_crash_the_arithmetic()
    {
        var late = Penalty(new LocalDate(9999, 6, 1), RecordSeverity.Serious);
        var early = new PublicityPolicy("t", [new PublicityRegime("t", "test", new LocalDate(-9998, 1, 1), [new PublicityMaximum(PublicityInformation.AdministrativePenalty, RecordSeverity.General, Period.FromYears(3))])]);
        var ancient = Penalty(LocalDate.MinIsoValue, RecordSeverity.General);

        Assert.True(late.IsActiveOn(LocalDate.MaxIsoValue, National));
        Assert.Equal(LocalDate.MaxIsoValue, late.PublicityEndOn(LocalDate.MaxIsoValue, National));
        Assert.True(ancient.IsActiveOn(new LocalDate(-9998, 6, 1), early));
        Assert.False(ancient.IsActiveOn(new LocalDate(-9995, 1, 1), early));
        Assert.Equal(LocalDate.MinIsoValue, Penalty(LocalDate.MinIsoValue, RecordSeverity.Minor).PublicityEndOn(LocalDate.MinIsoValue, early));

        var evaluator = new CreditPolicy.Evaluation.PolicyEvaluator(RuleSet.JiaCounty2022No8);
        var profile = new CreditProfile(
            new CreditPolicy.Subjects.Subject("某公司", CreditPolicy.Subjects.SubjectKind.Enterprise, CreditPolicy.Subjects.SubjectIdentifier.Parse(CreditPolicy.Subjects.IdentifierType.Uscc, "914403001922038216")),
            [late, new CreditRecord("q", CreditRecordCategory.AdministrativePenalty, new LocalDate(9990, 1, 1), RecordSeverity.General, publicUntil: new LocalDate(9999, 12, 31))]);
        Assert.Contains(evaluator.Evaluate(profile, LocalDate.MaxIsoValue).Warnings, w => w.Contains("capped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PT1H")]
    [InlineData("P0D")]
    [InlineData("P-1Y")]
    [InlineData("P2W")]
    [InlineData("P101Y")]
    public void A_maximum_must_be_a_positive_period_of_years_months_and_days(string text)
    {
        var period = NodaTime.Text.PeriodPattern.NormalizingIso.Parse(text).GetValueOrThrow();

        Assert.NotNull(PublicityRegime.CheckPeriod(period));
        Assert.Throws<ArgumentException>(() => new PublicityRegime("r", "s", new LocalDate(2026, 1, 1), [new PublicityMaximum(PublicityInformation.OtherNegative, RecordSeverity.General, period)]));
    }

    [Fact]
    public void Two_regimes_cannot_start_on_the_same_day_nor_give_one_maximum_twice()
    {
        var day = new LocalDate(2026, 1, 1);
        Assert.Throws<ArgumentException>(() => new PublicityPolicy("p", [new PublicityRegime("a", "s", day, []), new PublicityRegime("b", "s", day, [])]));
        var twice = new PublicityMaximum(PublicityInformation.OtherNegative, RecordSeverity.General, Period.FromYears(1));
        Assert.Throws<ArgumentException>(() => new PublicityRegime("a", "s", day, [twice, twice]));
    }
}
