using System;
using System.Linq;
using CreditPolicy.Reports;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Reports;

public sealed class CreditReportTests
{
    private static readonly CreditServiceAgency Filed = new("示例信用评级有限公司", "PBC-HN-2021-001");
    private static readonly FiledAgencyRegistry Registry = new([Filed]);
    private static readonly CreditReport Report = new("rpt", CreditReportKind.Enterprise, Filed, CreditRating.AA, new LocalDate(2026, 3, 1), new LocalDate(2027, 2, 28));

    [Fact]
    public void R3_The_nine_grades_are_ordered_from_C_to_AAA()
    {
        var worstFirst = new[] { "C", "CC", "CCC", "B", "BB", "BBB", "A", "AA", "AAA" }.Select(CreditRating.Parse).ToArray();

        Assert.Equal(worstFirst, worstFirst.OrderBy(r => r).ToArray());
        Assert.True(CreditRating.AAA > CreditRating.AA);
        Assert.True(CreditRating.BBB > CreditRating.BB);
        Assert.True(CreditRating.CCC > CreditRating.CC && CreditRating.CC > CreditRating.C);
        Assert.True(CreditRating.B > CreditRating.CCC);
        Assert.Equal(9, CreditRating.AAA.Grade);
        Assert.Equal("BBB", CreditRating.BBB.ToString());
    }

    [Theory]
    [InlineData("aa")]
    [InlineData("D")]
    [InlineData("A+")]
    [InlineData("")]
    public void R3_Anything_but_the_nine_grades_is_rejected(string text)
    {
        Assert.False(CreditRating.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CreditRating.Parse(text));
    }

    [Fact]
    public void R3_A_valid_report_from_a_filed_agency_counts_on_every_day_of_its_validity()
    {
        Assert.Equal(ReportStanding.Counts, Report.StandingOn(new LocalDate(2026, 3, 1), Registry));
        Assert.Equal(ReportStanding.Counts, Report.StandingOn(new LocalDate(2027, 2, 28), Registry));
        Assert.Null(Report.Explain(ReportStanding.Counts));
    }

    [Fact]
    public void R3_A_report_before_its_issue_date_does_not_exist_yet()
    {
        var standing = Report.StandingOn(new LocalDate(2026, 2, 28), Registry);

        Assert.Equal(ReportStanding.NotYetIssued, standing);
        Assert.Contains("2026-03-01", Report.Explain(standing), StringComparison.Ordinal);
    }

    [Fact]
    public void R3_An_expired_report_does_not_count_and_says_when_it_expired()
    {
        var standing = Report.StandingOn(new LocalDate(2027, 3, 1), Registry);

        Assert.Equal(ReportStanding.Expired, standing);
        Assert.Contains("expired on 2027-02-28", Report.Explain(standing), StringComparison.Ordinal);
    }

    [Fact]
    public void R3_A_report_from_an_agency_not_filed_with_the_PBoC_is_not_a_credit_report()
    {
        var unfiled = new CreditReport("rpt-x", CreditReportKind.Personal, new CreditServiceAgency("某咨询公司", "NONE-1"), CreditRating.AAA, new LocalDate(2026, 3, 1), new LocalDate(2027, 2, 28));

        var standing = unfiled.StandingOn(new LocalDate(2026, 6, 1), Registry);

        Assert.Equal(ReportStanding.AgencyNotFiled, standing);
        Assert.Contains("NONE-1", unfiled.Explain(standing), StringComparison.Ordinal);
        Assert.Contains("R3", unfiled.Explain(standing), StringComparison.Ordinal);
        Assert.Equal(ReportStanding.AgencyNotFiled, Report.StandingOn(new LocalDate(2026, 6, 1), FiledAgencyRegistry.Empty));
    }

    [Fact]
    public void R3_The_registry_matches_by_filing_number_and_rejects_duplicates()
    {
        Assert.True(Registry.IsFiled("PBC-HN-2021-001"));
        Assert.False(Registry.IsFiled("pbc-hn-2021-001"));
        Assert.True(Registry.TryFind("PBC-HN-2021-001", out var agency));
        Assert.Equal(Filed, agency);
        Assert.Throws<ArgumentException>(() => new FiledAgencyRegistry([Filed, new CreditServiceAgency("另一家", "PBC-HN-2021-001")]));
    }

    [Fact]
    public void R3_Validity_ending_before_issue_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CreditReport("r", CreditReportKind.Enterprise, Filed, CreditRating.A, new LocalDate(2026, 3, 1), new LocalDate(2026, 2, 1)));

        Assert.Equal("validUntil", error.ParamName);
    }
}
