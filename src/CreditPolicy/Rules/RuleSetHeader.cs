using CreditPolicy.Records;
using CreditPolicy.Reports;
using NodaTime;

namespace CreditPolicy.Rules;

/// <summary>The <c>RuleSet</c> object of a rule file: what the rule set is and where it comes from.</summary>
internal sealed record RuleSetHeader(
    string Id,
    string Version,
    string Source,
    string Issuer,
    string? TitleZh,
    string? TitleEn,
    LocalDate EffectiveFrom,
    FiledAgencyRegistry FiledAgencies,
    PublicityPolicy PublicityPolicy);
