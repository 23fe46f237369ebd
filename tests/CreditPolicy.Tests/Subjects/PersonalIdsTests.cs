using System.Linq;
using CreditPolicy.Subjects;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Subjects;

/// <summary>Contract v2, "Personal ids" (R8, C5): masking by shape and validity, wherever a number appears.</summary>
public sealed class PersonalIdsTests
{
    private const string Valid = "410425198503151233";

    [Theory]
    [InlineData("rec-" + Valid, "rec-410425********1233")]
    [InlineData(Valid + "的处罚", "410425********1233的处罚")]
    [InlineData("甲" + Valid + "，乙" + Valid, "甲410425********1233，乙410425********1233")]
    [InlineData("410425198503151234", "410425198503151234")] // wrong check digit: not a resident number
    [InlineData("9" + Valid, "9410425********1233")]        // inside a longer number: masked all the same
    [InlineData("abc" + Valid + "y", "abc410425********1233y")]
    [InlineData("rec" + Valid, "rec410425********1233")]
    [InlineData("short 12345", "short 12345")]
    public void R8_Every_valid_resident_number_in_free_text_is_masked_and_nothing_else(string text, string expected)
    {
        Assert.Equal(expected, PersonalIds.Mask(text));
    }

    [Fact]
    public void R8_A_message_never_repeats_a_value_shaped_like_a_resident_number_valid_or_not()
    {
        Assert.Equal("Id '<resident-id-shaped value>' is used twice", PersonalIds.Redact("Id '410425198503151234' is used twice"));
        Assert.Equal("code 91410425MA3X12345R", PersonalIds.Redact("code 91410425MA3X12345R"));
        Assert.Equal("'cat<resident-id-shaped value>'", PersonalIds.Redact("'cat410425198503151234'"));
    }

    [Fact]
    public void R8_An_other_identifier_that_is_a_valid_resident_number_is_personal_whatever_the_subjects_kind()
    {
        var business = SubjectIdentifier.Parse(IdentifierType.Other, Valid, heldByNaturalPerson: false);

        Assert.True(business.IsPersonal);
        Assert.Equal("410425********1233", business.ToString());
        Assert.False(SubjectIdentifier.Parse(IdentifierType.Other, "工商注册号410425600012345", heldByNaturalPerson: false).IsPersonal);
    }

    /// <summary>Text around an id: digit runs of every length up to 17 (dates, counts, a number one digit short), letters, X, Chinese.</summary>
    private static readonly Gen<string> Filler = Gen.ArrayOf(Gen.OneOf(
        Gen.Choose(1, 17).SelectMany(n => Generators.Digits(n)),
        Gen.Elements("-", " ", "X", "x", "rec-", "2026-11-27", "的处罚", "，")))
        .Select(parts => string.Concat(parts));

    [Property(MaxTest = 500)]
    public Property R8_A_valid_resident_number_anywhere_in_text_is_never_written_whole() =>
        Prop.ForAll(Arb.From(from before in Filler from id in Generators.ValidResidentId from after in Filler select (before, id, after)), t =>
            !PersonalIds.Mask(t.before + t.id + t.after).Contains(t.id, System.StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property R8_Text_without_seventeen_digits_in_a_row_is_written_as_it_is() =>
        Prop.ForAll(Arb.From(Filler.Where(text => !Enumerable.Range(0, System.Math.Max(0, text.Length - 16)).Any(i => text.Skip(i).Take(17).All(char.IsAsciiDigit)))), text =>
            ReferenceEquals(PersonalIds.Mask(text), text));

    /// <summary>R8: the quick test that lets most text through unmasked finds every run of 17 digits, wherever it stands.</summary>
    [Property(MaxTest = 3000)]
    public Property R8_Every_run_of_seventeen_digits_is_seen_by_the_quick_test() =>
        Prop.ForAll(
            Arb.From(Gen.Elements('0', '1', '9', 'a', '-', 'X', '中', ' ').ArrayOf().Select(chars => new string(chars))
                .SelectMany(text => Gen.Choose(0, 40).SelectMany(run => Gen.Choose(0, 60).Select(at => (text, run, at))))),
            t =>
            {
                var at = System.Math.Min(t.at, t.text.Length);
                var text = t.text[..at] + new string('7', t.run) + t.text[at..];
                var naive = false;
                var run = 0;
                for (var i = 0; i < text.Length && !naive; i++)
                {
                    run = char.IsAsciiDigit(text[i]) ? run + 1 : 0;
                    naive = run >= 17;
                }

                return PersonalIds.HasSeventeenDigitsInARow(text) == naive;
            });
}
