using CreditPolicy.Serialization;

namespace CreditPolicy.Rules;

/// <summary>
/// The administrative level of the body whose document a rule set implements (the rule file's
/// <c>RuleSet.level</c>): where rule sets are composed (<see cref="RuleSet.Compose"/>), a higher level's rule
/// wins over a lower level's rule with the same measure code. Ordered from lowest to highest.
/// </summary>
public enum RuleSetLevel
{
    /// <summary>A county's document (<c>county</c>), such as 郏政务和大数据〔2022〕8号; the default.</summary>
    County,

    /// <summary>A city's (prefecture's) document (<c>municipal</c>).</summary>
    Municipal,

    /// <summary>A province's document (<c>provincial</c>).</summary>
    Provincial,

    /// <summary>A national document (<c>national</c>), such as 国办发〔2020〕42号.</summary>
    National,
}

/// <summary>The rule file's spellings of <see cref="RuleSetLevel"/>.</summary>
internal static class RuleSetLevels
{
    internal static readonly EnumSpelling<RuleSetLevel> Spelling = new(
        (RuleSetLevel.National, "national"),
        (RuleSetLevel.Provincial, "provincial"),
        (RuleSetLevel.Municipal, "municipal"),
        (RuleSetLevel.County, "county"));
}
