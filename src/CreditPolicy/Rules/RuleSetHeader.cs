using System.Collections.Immutable;
using CreditPolicy.Measures;
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
    PublicityPolicy PublicityPolicy)
{
    /// <summary>The clause ids the rule set declares, in file order.</summary>
    public ImmutableArray<ClauseDeclaration> Clauses { get; init; } = [];

    /// <summary>The level of the body that issued it (<c>level</c>, optional): decides which rule wins where rule sets are composed.</summary>
    internal RuleSetLevel Level { get; init; } = RuleSetLevel.County;

    /// <summary>The header's <c>penaltySeverity</c> applied to <see cref="PenaltySeverityTable.Default"/>; the default without it.</summary>
    public PenaltySeverityTable PenaltySeverity { get; init; } = PenaltySeverityTable.Default;
}
