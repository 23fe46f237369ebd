using System;
using CreditPolicy.Subjects;

namespace CreditPolicy.Evaluation;

/// <summary>
/// A rule failed on one profile — its checked arithmetic overflowed, it divided by zero, or it threw
/// otherwise — so that profile has no decision (contract v2, "Limits": a rule that fails on one profile
/// rejects that profile, naming the rule, never the run). The decision pipeline (<c>CreditPolicy.Streaming.DecisionPipeline</c>) reports it as a rejected profile.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException()
        : this("A rule failed on this profile.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuleEvaluationException(string message)
        : base(message)
    {
        RuleName = string.Empty;
        Code = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RuleEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleName = string.Empty;
        Code = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception for the rule that failed.</summary>
    /// <param name="ruleName">The failing rule's <c>RuleName</c>.</param>
    /// <param name="code">Its measure code.</param>
    /// <param name="innerException">What the rule's expression threw.</param>
    public RuleEvaluationException(string ruleName, string code, Exception innerException)
        : this(ruleName, code, innerException, zh: false)
    {
    }

    /// <summary>The exception for the rule that failed, with its <see cref="Reason"/> in Chinese when <paramref name="zh"/> (the evaluator's language); <see cref="Exception.Message"/> stays English.</summary>
    internal RuleEvaluationException(string ruleName, string code, Exception innerException, bool zh, string? ruleSetId = null)
        : base(Describe(ruleName, code, innerException, zh: false, ruleSetId), innerException)
    {
        RuleName = ruleName;
        Code = code;
        Reason = zh ? Describe(ruleName, code, innerException, zh, ruleSetId) : Message;
    }

    /// <summary>The failing rule's <c>RuleName</c>.</summary>
    public string RuleName { get; }

    /// <summary>Its measure code.</summary>
    public string Code { get; }

    /// <summary>
    /// Why the profile has no decision, in the language of the evaluator that threw
    /// (<see cref="PolicyEvaluatorOptions.Culture"/>): what a rejected profile's error says. Equal to
    /// <see cref="Exception.Message"/> in English.
    /// </summary>
    public string Reason { get; internal init; }

    private static string Describe(string ruleName, string code, Exception? inner, bool zh, string? ruleSetId = null) =>
        ruleSetId is null
            ? Messages.Get(zh, "rule.failed-on-profile", PersonalIds.ForOutput(ruleName), code, ForeignMessages.Translate(inner?.Message ?? string.Empty, zh))
            : Messages.Get(zh, "rule.failed-on-profile-in-set", PersonalIds.ForOutput(ruleName), code, PersonalIds.ForOutput(ruleSetId), ForeignMessages.Translate(inner?.Message ?? string.Empty, zh));
}
