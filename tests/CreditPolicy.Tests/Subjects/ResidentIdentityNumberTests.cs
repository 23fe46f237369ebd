using System;
using CreditPolicy.Subjects;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Subjects;

public sealed class ResidentIdentityNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("440524188001010014", 1880, 1, 1)]
    [InlineData("410425198503151233", 1985, 3, 15)]
    public void C3_The_standards_own_examples_are_valid(string text, int year, int month, int day)
    {
        var number = ResidentIdentityNumber.Parse(text);

        Assert.Equal(text, number.RevealUnmasked());
        Assert.Equal(new LocalDate(year, month, day), number.RevealBirthDate());
        Assert.Equal(text[..6], number.DivisionCode);
    }

    [Fact]
    public void C3_A_lowercase_x_check_is_accepted_and_stored_as_X()
    {
        Assert.Equal("11010519491231002X", ResidentIdentityNumber.Parse("11010519491231002x").RevealUnmasked());
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("1101051949123100", "18 characters, not 16")]
    [InlineData("1101051949123100AX", "must be digits")]
    [InlineData("01010519491231002X", "province code")]
    [InlineData("110105194902300020", "real birth date")]
    [InlineData("110105174901010020", "real birth date")]
    [InlineData("110105194912310021", "check character")]
    [InlineData("11010519491231002Y", "digit or X")]
    public void R8_Invalid_numbers_are_rejected_with_a_reason_that_never_repeats_the_number(string text, string reason)
    {
        Assert.False(ResidentIdentityNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        if (text.Length >= 14)
        {
            Assert.DoesNotContain(text[6..14], error, StringComparison.Ordinal);
        }

        var exception = Assert.Throws<FormatException>(() => ResidentIdentityNumber.Parse(text));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void R8_ToString_is_masked_by_default()
    {
        var number = ResidentIdentityNumber.Parse("410425198503151233");

        Assert.Equal("410425********1233", number.ToString());
        Assert.Equal("410425********1233", number.Mask());
        Assert.Equal("410425********1233", $"{number}");
    }

    [Fact]
    public void R8_The_mask_pattern_is_configurable()
    {
        var number = ResidentIdentityNumber.Parse("410425198503151233");

        Assert.Equal("4104############33", number.Mask(new IdentityMask(4, 2, '#')));
        Assert.Equal("******************", number.Mask(new IdentityMask(0, 0, '*')));
    }

    [Theory]
    [InlineData(7, 4)]
    [InlineData(6, 5)]
    [InlineData(-1, 0)]
    public void R8_No_mask_may_reveal_the_birth_date(int keepLeading, int keepTrailing)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdentityMask(keepLeading, keepTrailing, '*'));
    }

    [Property]
    public Property C3_Every_valid_number_parses_and_round_trips() =>
        Prop.ForAll(Arb.From(Generators.ValidResidentId), text =>
            ResidentIdentityNumber.Parse(text).RevealUnmasked() == text
            && ResidentIdentityNumber.Parse(ResidentIdentityNumber.Parse(text).RevealUnmasked()) == ResidentIdentityNumber.Parse(text));

    [Property]
    public Property C3_Every_single_character_change_of_a_valid_number_is_rejected() =>
        Prop.ForAll(
            Arb.From(
                from text in Generators.ValidResidentId
                from position in Gen.Choose(0, 17)
                from replacement in Gen.Elements("0123456789X".ToCharArray())
                where replacement != text[position]
                select text[..position] + replacement + text[(position + 1)..]),
            changed => !ResidentIdentityNumber.TryParse(changed, out _));

    [Property]
    public Property R8_Masking_never_reveals_the_birth_date() =>
        Prop.ForAll(
            Arb.From(from text in Generators.ValidResidentId from mask in Generators.Masks select (text, mask)),
            pair =>
            {
                var (text, mask) = pair;
                var number = ResidentIdentityNumber.Parse(text);
                var masked = number.Mask(mask);
                var hidden = masked.Substring(6, 8);
                return masked.Length == 18
                    && hidden.Trim(mask.MaskCharacter).Length == 0
                    && !number.ToString().Contains(text[6..14], StringComparison.Ordinal)
                    && masked[..mask.KeepLeading] == text[..mask.KeepLeading]
                    && masked[(18 - mask.KeepTrailing)..] == text[(18 - mask.KeepTrailing)..];
            });
}
