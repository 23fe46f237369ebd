using System;

namespace CreditPolicy.Subjects;

/// <summary>What a <see cref="SubjectKind"/> is called.</summary>
public static class SubjectKindExtensions
{
    /// <summary>The contract's spelling of the kind (<c>enterprise</c>, <c>natural-person</c>, …; C1): the one source of it.</summary>
    public static string ContractName(this SubjectKind kind) => kind switch
    {
        SubjectKind.Enterprise => "enterprise",
        SubjectKind.PublicInstitution => "public-institution",
        SubjectKind.SocialOrganization => "social-organization",
        SubjectKind.NaturalPerson => "natural-person",
        SubjectKind.IndividualBusiness => "individual-business",
        SubjectKind.OtherOrganization => "other-organization",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
