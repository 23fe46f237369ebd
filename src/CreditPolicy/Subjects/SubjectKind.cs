namespace CreditPolicy.Subjects;

/// <summary>The kinds of administrative counterpart (行政相对人), C1.</summary>
public enum SubjectKind
{
    /// <summary>An enterprise (企业), <c>enterprise</c>.</summary>
    Enterprise = 1,

    /// <summary>A public institution (事业单位), <c>public-institution</c>.</summary>
    PublicInstitution,

    /// <summary>A social organisation (社会团体), <c>social-organization</c>.</summary>
    SocialOrganization,

    /// <summary>A natural person (自然人), <c>natural-person</c>: its identity number is personal information (R8, C5).</summary>
    NaturalPerson,

    /// <summary>An individual business (个体工商户), <c>individual-business</c>.</summary>
    IndividualBusiness,

    /// <summary>Another organisation (其他组织), <c>other-organization</c>.</summary>
    OtherOrganization,
}
