namespace CreditPolicy.Subjects;

/// <summary>
/// What the first two characters of a <see cref="UnifiedSocialCreditCode"/> (registration authority and
/// category, GB 32100-2015 table 1) say about its holder.
/// </summary>
public enum RegistrationCategory
{
    /// <summary>A combination GB 32100-2015 does not list, or one listed only as "other" (其他).</summary>
    Other = 0,

    /// <summary>11: a government organ (机关), staffing office.</summary>
    GovernmentOrgan,

    /// <summary>12: a public institution (事业单位), staffing office.</summary>
    PublicInstitution,

    /// <summary>13: a mass organisation managed by the central staffing office (群众团体).</summary>
    MassOrganization,

    /// <summary>31–35: a legal-service body (law firm, notary office, …) registered with justice administration.</summary>
    LegalServiceBody,

    /// <summary>51: a social organisation (社会团体), civil affairs.</summary>
    SocialOrganization,

    /// <summary>52: a private non-enterprise unit (民办非企业单位), civil affairs.</summary>
    PrivateNonEnterpriseUnit,

    /// <summary>53: a foundation (基金会), civil affairs.</summary>
    Foundation,

    /// <summary>71–72: a religious venue or school.</summary>
    ReligiousBody,

    /// <summary>81: a primary trade union (基层工会).</summary>
    TradeUnion,

    /// <summary>91: an enterprise (企业), market regulation.</summary>
    Enterprise,

    /// <summary>92: an individual business (个体工商户), market regulation.</summary>
    IndividualBusiness,

    /// <summary>93: a farmers' specialised cooperative (农民专业合作社), market regulation.</summary>
    FarmersCooperative,

    /// <summary>N1–N3: a rural collective economic organisation (农村集体经济组织).</summary>
    RuralCollective,
}
