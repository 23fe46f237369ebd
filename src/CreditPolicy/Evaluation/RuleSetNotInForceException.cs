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
        : this(ruleSet, asOf, zh: false)
    {
    }

    /// <summary>The exception with its <see cref="Reason"/> in Chinese when <paramref name="zh"/> (the evaluator's language); <see cref="Message"/> stays English.</summary>
    internal RuleSetNotInForceException(RuleSet ruleSet, LocalDate asOf, bool zh)
        : base(nameof(asOf))
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        Reason = Messages.Get(zh, "not-in-force.reason", PersonalIds.ForOutput(ruleSet.Id), IsoDate.Format(ruleSet.EffectiveFrom), IsoDate.Format(asOf));
        var english = zh ? Messages.Get(false, "not-in-force.reason", PersonalIds.ForOutput(ruleSet.Id), IsoDate.Format(ruleSet.EffectiveFrom), IsoDate.Format(asOf)) : Reason;
        _message = "R" + english[1..];
        RuleSetId = ruleSet.Id;
        EffectiveFrom = ruleSet.EffectiveFrom;
        AsOf = asOf;
    }

    /// <summary>What is wrong, in a sentence, without the parameter name; the rule set id shown masked and escaped, as every output shows text from a rule file (contract v2).</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message => _message;

    private readonly string _message;

    /// <summary>The rule set's id.</summary>
    public string RuleSetId { get; }

    /// <summary>The day the rule set takes effect.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The day asked.</summary>
    public LocalDate AsOf { get; }
}
