namespace CreditPolicy.Subjects;

/// <summary>Maps the first two characters of a unified social credit code to a <see cref="RegistrationCategory"/>.</summary>
internal static class RegistrationCategories
{
    internal static RegistrationCategory Of(char authority, char category) => (authority, category) switch
    {
        ('1', '1') => RegistrationCategory.GovernmentOrgan,
        ('1', '2') => RegistrationCategory.PublicInstitution,
        ('1', '3') => RegistrationCategory.MassOrganization,
        ('3', >= '1' and <= '5') => RegistrationCategory.LegalServiceBody,
        ('5', '1') => RegistrationCategory.SocialOrganization,
        ('5', '2') => RegistrationCategory.PrivateNonEnterpriseUnit,
        ('5', '3') => RegistrationCategory.Foundation,
        ('7', '1' or '2') => RegistrationCategory.ReligiousBody,
        ('8', '1') => RegistrationCategory.TradeUnion,
        ('9', '1') => RegistrationCategory.Enterprise,
        ('9', '2') => RegistrationCategory.IndividualBusiness,
        ('9', '3') => RegistrationCategory.FarmersCooperative,
        ('N', >= '1' and <= '3') => RegistrationCategory.RuralCollective,
        _ => RegistrationCategory.Other,
    };
}
