using System;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>A rule set was asked to evaluate as of a day before it takes effect (R9).</summary>
public sealed class RuleSetNotInForceException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="ruleSet"/> and the day asked.</summary>
    public RuleSetNotInForceException(RuleSet ruleSet, LocalDate asOf)
        : base(nameof(asOf))
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        Reason = $"rule set {PersonalIds.ForOutput(ruleSet.Id)} takes effect on {IsoDate.Format(ruleSet.EffectiveFrom)} (R9); it cannot evaluate as of {IsoDate.Format(asOf)}.";
        RuleSetId = ruleSet.Id;
        EffectiveFrom = ruleSet.EffectiveFrom;
        AsOf = asOf;
    }

    /// <summary>What is wrong, in a sentence, without the parameter name; the rule set id shown masked and escaped, as every output shows text from a rule file (contract v2).</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message => "R" + Reason[1..];

    /// <summary>The rule set's id.</summary>
    public string RuleSetId { get; }

    /// <summary>The day the rule set takes effect.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The day asked.</summary>
    public LocalDate AsOf { get; }
}
