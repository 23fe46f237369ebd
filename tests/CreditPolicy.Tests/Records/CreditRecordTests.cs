using System;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Records;

public sealed class CreditRecordTests
{
    private static readonly LocalDate Decided = new(2025, 6, 1);

    [Theory]
    [InlineData(CreditRecordCategory.AdministrativePenalty, RecordPolarity.Negative)]
    [InlineData(CreditRecordCategory.DishonestJudgmentDebtor, RecordPolarity.Negative)]
    [InlineData(CreditRecordCategory.SeriousDishonestyList, RecordPolarity.Negative)]
    [InlineData(CreditRecordCategory.CommitmentBreach, RecordPolarity.Negative)]
    [InlineData(CreditRecordCategory.OtherNegative, RecordPolarity.Negative)]
    [InlineData(CreditRecordCategory.Commendation, RecordPolarity.Positive)]
    [InlineData(CreditRecordCategory.RedList, RecordPolarity.Positive)]
    [InlineData(CreditRecordCategory.OtherPositive, RecordPolarity.Positive)]
    [InlineData(CreditRecordCategory.AdministrativeLicense, RecordPolarity.Neutral)]
    [InlineData(CreditRecordCategory.Other, RecordPolarity.Neutral)]
    public void R2_Each_category_has_the_contracts_polarity(CreditRecordCategory category, RecordPolarity polarity)
    {
        Assert.Equal(polarity, new CreditRecord("r", category, Decided).Polarity);
    }

    [Theory]
    [InlineData(CreditRecordCategory.DishonestJudgmentDebtor, RecordSeverity.Serious)]
    [InlineData(CreditRecordCategory.SeriousDishonestyList, RecordSeverity.Serious)]
    [InlineData(CreditRecordCategory.AdministrativePenalty, RecordSeverity.General)]
    [InlineData(CreditRecordCategory.CommitmentBreach, RecordSeverity.General)]
    [InlineData(CreditRecordCategory.OtherNegative, RecordSeverity.General)]
    public void R2_Unstated_severity_defaults_by_category(CreditRecordCategory category, RecordSeverity expected)
    {
        var record = new CreditRecord("r", category, Decided);

        Assert.Equal(expected, record.Severity);
        Assert.Null(record.StatedSeverity);
    }

    [Fact]
    public void R2_Stated_severity_overrides_the_default()
    {
        Assert.Equal(RecordSeverity.General, new CreditRecord("r", CreditRecordCategory.SeriousDishonestyList, Decided, RecordSeverity.General).Severity);
        Assert.Equal(RecordSeverity.Serious, new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided, RecordSeverity.Serious).Severity);
    }

    [Fact]
    public void R2_Positive_and_neutral_records_have_no_severity()
    {
        Assert.Null(new CreditRecord("r", CreditRecordCategory.Commendation, Decided).Severity);
        var error = Assert.Throws<ArgumentException>(() => new CreditRecord("r", CreditRecordCategory.RedList, Decided, RecordSeverity.General));
        Assert.Equal("severity", error.ParamName);
    }

    [Fact]
    public void R2_Active_from_the_decision_through_the_last_day_of_publicity()
    {
        var record = new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided, publicUntil: new LocalDate(2026, 5, 31));

        Assert.False(record.IsActiveOn(new LocalDate(2025, 5, 31), RuleSet.NationalPublicityPolicy));
        Assert.True(record.IsActiveOn(Decided, RuleSet.NationalPublicityPolicy));
        Assert.True(record.IsActiveOn(new LocalDate(2026, 5, 31), RuleSet.NationalPublicityPolicy));
        Assert.False(record.IsActiveOn(new LocalDate(2026, 6, 1), RuleSet.NationalPublicityPolicy));
    }

    [Fact]
    public void R2_Credit_repair_ends_activity_on_the_day_it_takes_effect()
    {
        var record = new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided, repairedOn: new LocalDate(2025, 9, 1));

        Assert.True(record.IsActiveOn(new LocalDate(2025, 8, 31), RuleSet.NationalPublicityPolicy));
        Assert.False(record.IsActiveOn(new LocalDate(2025, 9, 1), RuleSet.NationalPublicityPolicy));
    }

    [Fact]
    public void R2_Without_an_end_of_publicity_a_record_stays_active()
    {
        Assert.True(new CreditRecord("r", CreditRecordCategory.SeriousDishonestyList, Decided).IsActiveOn(new LocalDate(2099, 1, 1), RuleSet.NationalPublicityPolicy));
    }

    [Fact]
    public void R2_A_record_dated_after_the_day_does_not_exist_yet()
    {
        var record = new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided);

        Assert.False(record.ExistsOn(Decided.PlusDays(-1)));
        Assert.True(record.ExistsOn(Decided));
    }

    [Theory]
    [InlineData("publicUntil")]
    [InlineData("repairedOn")]
    public void R2_Dates_before_the_decision_are_rejected_naming_the_field(string field)
    {
        var before = Decided.PlusDays(-1);
        var error = Assert.Throws<ArgumentException>(() => field == "publicUntil"
            ? new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided, publicUntil: before)
            : new CreditRecord("r", CreditRecordCategory.AdministrativePenalty, Decided, repairedOn: before));

        Assert.Equal(field, error.ParamName);
    }

    [Property]
    public Property R2_Active_on_a_day_is_monotone_in_the_repair_and_publicity_dates() =>
        Prop.ForAll(
            Arb.From(
                from record in Generators.Records("r")
                from offset in Gen.Choose(-30, 3000)
                from later in Gen.Choose(1, 400)
                select (record, day: record.DecidedOn.PlusDays(offset), later)),
            t =>
            {
                var (record, day, later) = t;
                var laterRepair = new CreditRecord(record.Id, record.Category, record.DecidedOn, record.StatedSeverity, record.Authority, record.PublicUntil, record.RepairedOn?.PlusDays(later));
                var noRepair = new CreditRecord(record.Id, record.Category, record.DecidedOn, record.StatedSeverity, record.Authority, record.PublicUntil, null);
                var laterPublicity = new CreditRecord(record.Id, record.Category, record.DecidedOn, record.StatedSeverity, record.Authority, record.PublicUntil?.PlusDays(later), record.RepairedOn);
                var endless = new CreditRecord(record.Id, record.Category, record.DecidedOn, record.StatedSeverity, record.Authority, null, record.RepairedOn);
                var policy = RuleSet.NationalPublicityPolicy;
                return !record.IsActiveOn(day, policy)
                    || (laterRepair.IsActiveOn(day, policy) && noRepair.IsActiveOn(day, policy) && laterPublicity.IsActiveOn(day, policy)
                        && (endless.IsActiveOn(day, policy) || record.Severity == RecordSeverity.Minor));
            });

    [Property]
    public Property R2_Active_matches_the_contracts_definition() =>
        Prop.ForAll(
            Arb.From(from record in Generators.Records("r") from offset in Gen.Choose(-30, 3000) select (record, day: record.DecidedOn.PlusDays(offset))),
            t =>
            {
                var (r, d) = t;
                var regime = RuleSet.NationalPublicityPolicy.RegimeOn(d);
                // The regime's maximum; minor information at most three months under every regime, and before the first (contract v2).
                LocalDate? cap = r.Category.PublicityInformation() is { } information
                    ? regime?.LastDayFor(information, r.Severity!.Value, r.DecidedOn) ?? (r.Severity == RecordSeverity.Minor ? r.DecidedOn.PlusMonths(3).PlusDays(-1) : null)
                    : null;
                var unpublishedMinor = r.Severity == RecordSeverity.Minor && r.PublicUntil is null && r.Category.PublicityInformation() is not null;
                var expected = r.DecidedOn <= d && (r.PublicUntil is null || d <= r.PublicUntil) && (cap is null || d <= cap)
                    && (r.RepairedOn is null || d < r.RepairedOn) && !unpublishedMinor;
                return r.IsActiveOn(d, RuleSet.NationalPublicityPolicy) == expected;
            });
}
