using System.Collections.Immutable;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using NodaTime;

namespace CreditPolicy.Rules;

/// <summary>
/// An example case a rule file carries (its <c>Cases</c>): a profile, a day, and the measures it must and
/// must not receive. Cases are the rule set's tests and its documentation for policy staff.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleCase
{
    internal RuleCase(
        string name,
        int line,
        LocalDate asOf,
        CreditProfile profile,
        FiledAgencyRegistry? filedAgencies,
        ImmutableArray<string> mustReceive,
        ImmutableArray<string> mustNotReceive,
        ImmutableArray<Convenience>? revokedConveniences)
    {
        Name = name;
        Line = line;
        AsOf = asOf;
        Profile = profile;
        FiledAgencies = filedAgencies;
        MustReceive = mustReceive;
        MustNotReceive = mustNotReceive;
        RevokedConveniences = revokedConveniences;
    }

    /// <summary>The case's name, unique in its file.</summary>
    public string Name { get; }

    /// <summary>The line in the rule file where the case starts.</summary>
    public int Line { get; }

    /// <summary>The name of the rule file the case was read from (as given to <see cref="RuleSet.Load"/> or <see cref="RuleSet.LoadFile"/>): in a composition, where its line is.</summary>
    public string File { get; internal init; } = string.Empty;

    /// <summary>The day the profile is evaluated as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The profile evaluated.</summary>
    public CreditProfile Profile { get; }

    /// <summary>The filed agencies for this case, when it names its own; else the rule set's.</summary>
    public FiledAgencyRegistry? FiledAgencies { get; }

    /// <summary>Measure codes the decision must contain.</summary>
    public ImmutableArray<string> MustReceive { get; }

    /// <summary>Measure codes the decision must not contain.</summary>
    public ImmutableArray<string> MustNotReceive { get; }

    /// <summary>When given, exactly the conveniences the decision must revoke (R7.3).</summary>
    public ImmutableArray<Convenience>? RevokedConveniences { get; }

    /// <inheritdoc />
    public override string ToString() => Subjects.PersonalIds.Mask(Name); // a case name may hold a number (R8)
}
