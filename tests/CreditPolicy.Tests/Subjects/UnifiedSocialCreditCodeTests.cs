using System;
using CreditPolicy.Subjects;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Subjects;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("91440300708461136T")]
    [InlineData("91330100716105852F")]
    [InlineData("91440300192317458F")]
    [InlineData("9131000013221158XC")]
    [InlineData("91410425MA3X12345R")]
    public void C3_Published_codes_parse_strictly(string text)
    {
        var code = UnifiedSocialCreditCode.Parse(text);

        Assert.Equal(text, code.Value);
        Assert.True(code.ChecksPass);
    }

    [Fact]
    public void C3_Printed_example_with_disallowed_letter_Z_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y4Z"));

        Assert.Contains("Character 18 'Z'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C3_Wrong_check_character_is_rejected_and_the_expected_one_named()
    {
        var error = Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("914403001922038217"));

        Assert.Contains("'7' where GB 32100-2015 gives '6'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C3_Wrong_organisation_code_check_is_rejected_even_when_position_18_is_recomputed()
    {
        // Organisation code 19220382 has check '1'; put '2' there and recompute the code's own check.
        var first17 = "91440300192203822";
        var text = first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);

        var error = Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse(text));

        Assert.Contains("position 17", error.Message, StringComparison.Ordinal);
        Assert.Contains("GB 11714 gives '1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C3_Lenient_parse_accepts_an_early_pilot_code_and_says_the_checks_fail()
    {
        var code = UnifiedSocialCreditCode.Parse("914403001922038217", UsccParseMode.Lenient);

        Assert.False(code.ChecksPass);
        Assert.False(UnifiedSocialCreditCode.TryParse("914403001922038217", out _));
    }

    [Fact]
    public void C3_Lenient_parse_still_rejects_a_wrong_shape()
    {
        Assert.False(UnifiedSocialCreditCode.TryParse("91350100M000100Y4Z", UsccParseMode.Lenient, out _, out var error));
        Assert.Contains("not allowed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("91440300708461136", "18 characters, not 17")]
    [InlineData("9144030070846113IT", "Character 17 'I'")]
    [InlineData("91A4030070846113IT", "Character 17 'I'")]
    [InlineData("91A40300708461136T", "6-digit division code")]
    [InlineData("91440300708461136t", "Character 18 't'")]
    public void C3_Malformed_codes_are_rejected_with_the_reason(string text, string reason)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(text, UsccParseMode.Strict, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("914403001922038216", '9', '1', RegistrationCategory.Enterprise, "440300", "192203821")]
    [InlineData("92410425MA40B1234X", '9', '2', RegistrationCategory.IndividualBusiness, "410425", "MA40B1234")]
    [InlineData("51410425MJ0000000X", '5', '1', RegistrationCategory.SocialOrganization, "410425", "MJ0000000")]
    [InlineData("12410425MB0000000X", '1', '2', RegistrationCategory.PublicInstitution, "410425", "MB0000000")]
    public void C1_Authority_category_and_division_are_exposed(string template, char authority, char category, RegistrationCategory kind, string division, string organization)
    {
        // Recompute both checks so the template's body is a valid code.
        var org8 = template.Substring(8, 8);
        var first17 = string.Concat(template.AsSpan(0, 16), UnifiedSocialCreditCode.ComputeOrganizationCheckCharacter(org8).ToString());
        var code = UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17));

        Assert.Equal(authority, code.RegistrationAuthorityCode);
        Assert.Equal(category, code.CategoryCode);
        Assert.Equal(kind, code.Category);
        Assert.Equal(division, code.DivisionCode);
        Assert.Equal(organization[..8], code.OrganizationCode[..8]);
    }

    [Fact]
    public void C3_Organisation_codes_are_public_and_not_masked()
    {
        var code = UnifiedSocialCreditCode.Parse("91440300708461136T");

        Assert.Equal("91440300708461136T", code.ToString());
        Assert.Equal("91440300708461136T", SubjectIdentifier.Parse(IdentifierType.Uscc, "91440300708461136T").ToString());
    }

    [Property]
    public Property C3_Every_valid_code_parses_and_round_trips() =>
        Prop.ForAll(Arb.From(Generators.ValidUscc), text =>
        {
            var code = UnifiedSocialCreditCode.Parse(text);
            return code.Value == text && UnifiedSocialCreditCode.Parse(code.ToString()) == code && code.ChecksPass;
        });

    [Property]
    public Property C3_Every_single_character_change_of_a_valid_code_is_rejected() =>
        Prop.ForAll(
            Arb.From(
                from text in Generators.ValidUscc
                from position in Gen.Choose(0, 17)
                from replacement in Gen.Elements("0123456789ABCDEFGHJKLMNPQRTUWXYIOZSV".ToCharArray())
                where replacement != text[position]
                select text[..position] + replacement + text[(position + 1)..]),
            changed => !UnifiedSocialCreditCode.TryParse(changed, out _));
}
