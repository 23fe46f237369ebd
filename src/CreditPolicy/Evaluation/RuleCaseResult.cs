using System.Collections.Immutable;
using System.Linq;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;

namespace CreditPolicy.Evaluation;

/// <summary>The outcome of one example case: pass, or what differed.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleCaseResult
{
    private RuleCaseResult(RuleCase ruleCase, string failure)
    {
        Case = ruleCase;
        Failure = failure;
        Received = Missing = Unexpected = [];
    }

    private RuleCaseResult(RuleCase ruleCase, AdvisoryDecision decision)
    {
        Case = ruleCase;
        Decision = decision;
        Received = [.. decision.ApplicableMeasures.Select(m => m.Code)];
        Missing = [.. ruleCase.MustReceive.Where(code => !decision.IsApplicable(code))];
        Unexpected = [.. ruleCase.MustNotReceive.Where(decision.IsApplicable)];
        RevokedDiffers = ruleCase.RevokedConveniences is { } expected && !expected.SequenceEqual(decision.RevokedConveniences);
    }

    /// <summary>The case.</summary>
    public RuleCase Case { get; }

    /// <summary>The decision the rules gave; <see langword="null"/> when a rule failed on the case's profile (<see cref="Failure"/>).</summary>
    public AdvisoryDecision? Decision { get; }

    /// <summary>Why no decision could be made — a rule's arithmetic failed on the case's profile, or the rule set is not in force on its day; otherwise <see langword="null"/>.</summary>
    public string? Failure { get; }

    /// <summary>The measure codes received.</summary>
    public ImmutableArray<string> Received { get; }

    /// <summary>Codes the case must receive but did not.</summary>
    public ImmutableArray<string> Missing { get; }

    /// <summary>Codes the case must not receive but did.</summary>
    public ImmutableArray<string> Unexpected { get; }

    /// <summary>Whether the case named the revoked conveniences and the decision revoked others.</summary>
    public bool RevokedDiffers { get; }

    /// <summary>Whether the decision met every expectation of the case.</summary>
    public bool Passed => Failure is null && Missing.IsEmpty && Unexpected.IsEmpty && !RevokedDiffers;

    internal static RuleCaseResult Run(RuleCase ruleCase, PolicyEvaluator evaluator)
    {
        try
        {
            return new(ruleCase, ruleCase.FiledAgencies is { } agencies
                ? evaluator.Evaluate(ruleCase.Profile, ruleCase.AsOf, agencies)
                : evaluator.Evaluate(ruleCase.Profile, ruleCase.AsOf));
        }
        catch (RuleEvaluationException ex)
        {
            return new(ruleCase, ex.Reason);
        }
        catch (RuleSetNotInForceException ex)
        {
            // A case dated before a rule set takes effect fails, naming the set (R9); it never stops the run.
            return new(ruleCase, ex.Reason);
        }
    }

    /// <summary>
    /// <c>PASS name</c>, or <c>FAIL name</c> followed by the expected and actual measures.
    /// </summary>
    public override string ToString() => Describe();

    /// <summary>
    /// <c>PASS name</c>, or <c>FAIL name</c> followed by the expected and actual measures, in the language of
    /// <paramref name="culture"/>: Chinese when its name starts with <c>zh</c> (<c>通过</c>, <c>未通过</c>);
    /// <see langword="null"/> for English. Case names and measure codes are the same in every language.
    /// </summary>
    public string Describe(System.Globalization.CultureInfo? culture = null)
    {
        var zh = Messages.IsChinese(culture);
        if (Passed)
        {
            return Messages.Get(zh, "case.pass", PersonalIds.ForOutput(Case.Name));
        }

        var text = Messages.Get(zh, "case.fail", PersonalIds.ForOutput(Case.Name), Case.Line);
        if (Failure is not null)
        {
            return text + "\n  " + Failure;
        }

        if (!Missing.IsEmpty)
        {
            text += Messages.Get(zh, "case.missing", string.Join(", ", Missing));
        }

        if (!Unexpected.IsEmpty)
        {
            text += Messages.Get(zh, "case.unexpected", string.Join(", ", Unexpected));
        }

        if (RevokedDiffers)
        {
            text += Messages.Get(
                zh,
                "case.revoked",
                string.Join(", ", Case.RevokedConveniences!.Value.Select(c => c.ContractName())),
                string.Join(", ", Decision!.RevokedConveniences.Select(c => c.ContractName())));
        }

        return text + Messages.Get(zh, "case.received", string.Join(", ", Received));
    }
}
