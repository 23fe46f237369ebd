using System;
using CreditPolicy.Subjects;
using Xunit;

namespace CreditPolicy.Tests.Subjects;

public sealed class SubjectTests
{
    private const string PersonId = "410425198503151233";

    [Fact]
    public void C1_A_natural_person_cannot_hold_a_unified_social_credit_code()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Subject("张三", SubjectKind.NaturalPerson, SubjectIdentifier.Parse(IdentifierType.Uscc, "914403001922038216")));

        Assert.Contains("natural person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1_An_enterprise_cannot_be_identified_by_a_resident_identity_number()
    {
        Assert.Throws<ArgumentException>(() =>
            new Subject("某公司", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.ResidentId, PersonId)));
    }

    [Fact]
    public void C1_An_individual_business_may_use_either_certificate()
    {
        var byCode = new Subject("某个体户", SubjectKind.IndividualBusiness, SubjectIdentifier.Parse(IdentifierType.Uscc, "914403001922038216"));
        var byPerson = new Subject("某个体户", SubjectKind.IndividualBusiness, SubjectIdentifier.Parse(IdentifierType.ResidentId, PersonId));

        Assert.False(byCode.Identifier.IsPersonal);
        Assert.True(byPerson.Identifier.IsPersonal);
    }

    [Fact]
    public void R8_A_natural_persons_other_certificate_is_personal_and_masked()
    {
        var subject = new Subject("John Smith", SubjectKind.NaturalPerson, SubjectIdentifier.Parse(IdentifierType.Other, "E12345678"));

        Assert.True(subject.Identifier.IsPersonal);
        Assert.DoesNotContain("E12345678", subject.ToString(), StringComparison.Ordinal);
        Assert.Equal("E12345678", subject.Identifier.RevealUnmasked());
    }

    [Fact]
    public void R8_A_subjects_ToString_never_shows_a_personal_number()
    {
        var subject = new Subject("张三", SubjectKind.NaturalPerson, SubjectIdentifier.Parse(IdentifierType.ResidentId, PersonId));

        Assert.Contains("410425********1233", subject.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonId, subject.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void C3_A_blank_name_is_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            new Subject(" ", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.Uscc, "914403001922038216")));
    }
}
