using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>Day numbers by civil-date arithmetic (issue 14) agree with NodaTime's and the BCL's own, over all of NodaTime's ISO range.</summary>
public sealed class DayNumberTests
{
    private static readonly int Span = Period.Between(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, PeriodUnits.Days).Days;

    [Property(MaxTest = 5000)]
    public Property Day_numbers_agree_with_the_reference_arithmetic_on_every_ISO_date() =>
        Prop.ForAll(Gen.Choose(0, Span).ToArbitrary(), offset =>
        {
            var date = LocalDate.MinIsoValue.PlusDays(offset);
            return DayNumber.Of(date) == DayNumber.Reference(date);
        });

    [Theory]
    [InlineData(1, 1, 1, 0)]
    [InlineData(0, 12, 31, -1)]
    [InlineData(0, 3, 1, -306)]
    [InlineData(0, 2, 29, -307)] // year 0 is a leap year in the proleptic Gregorian calendar
    [InlineData(1970, 1, 1, 719162)]
    [InlineData(2000, 2, 29, 730178)]
    [InlineData(2022, 8, 1, 738367)]
    public void Known_days_have_their_numbers(int year, int month, int day, int expected)
    {
        var date = new LocalDate(year, month, day);

        Assert.Equal(expected, DayNumber.Of(date));
        Assert.Equal(expected, DayNumber.Reference(date));
    }

    [Fact]
    public void Consecutive_days_have_consecutive_numbers_across_the_whole_range()
    {
        var previous = DayNumber.Of(LocalDate.MinIsoValue);
        for (var date = LocalDate.MinIsoValue.PlusDays(1); date < LocalDate.MaxIsoValue; date = date.PlusDays(1))
        {
            var number = DayNumber.Of(date);
            Assert.Equal(previous + 1, number);
            previous = number;
        }
    }
}
