using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>
/// The outcome of evaluating one profile as of one day: the measures the rules find applicable, each with
/// its clause and evidence, the conveniences R7.3 would cancel, and what was ignored and why. It is advice
/// with reasons, not an automatic sanction: R6 and R7 say the administration <em>may</em> apply these
/// measures, and applying them stays the window's decision.
/// </summary>
/// <remarks>
/// Written as the contract's decision JSON by <see cref="Output.DecisionJson"/>, with a natural
/// person's number masked (R8). Immutable and thread-safe.
/// </remarks>
[ContractJson]
public sealed class AdvisoryDecision
{
    internal AdvisoryDecision(
        Subject subject,
        LocalDate asOf,
        Rules.RuleSet ruleSet,
        ImmutableArray<ApplicableMeasure> measures,
        ImmutableArray<Convenience> revokedConveniences,
        ImmutableArray<string> warnings)
        : this(subject, asOf, ruleSet, measures, revokedConveniences, (object?)ImmutableCollectionsMarshal.AsArray(warnings) ?? Array.Empty<string>())
    {
    }

    // warnings: a lone warning as the string, or the warnings as an array sorted ordinally.
    internal AdvisoryDecision(
        Subject subject,
        LocalDate asOf,
        Rules.RuleSet ruleSet,
        ImmutableArray<ApplicableMeasure> measures,
        ImmutableArray<Convenience> revokedConveniences,
        object warnings)
    {
        Subject = subject;
        AsOf = asOf;
        _ruleSet = ruleSet;
        ApplicableMeasures = measures;
        RevokedConveniences = revokedConveniences;
        _warnings = warnings;
    }

    /// <summary>The subject evaluated.</summary>
    public Subject Subject { get; }

    /// <summary>The day evaluated.</summary>
    public LocalDate AsOf { get; }

    private readonly Rules.RuleSet _ruleSet;

    /// <summary>The id of the rule set that decided.</summary>
    public string RuleSetId => _ruleSet.Id;

    /// <summary>Its version.</summary>
    public string RuleSetVersion => _ruleSet.Version;

    /// <summary>SHA-256 of its file's bytes.</summary>
    public string RuleSetSha256 => _ruleSet.Sha256;

    /// <summary>
    /// The rule set that decided: a composition (<see cref="Rules.RuleSet.Compose"/>), whose
    /// <see cref="Rules.RuleSet.Components"/> each measure's <see cref="Measures.MeasureDefinition.RuleSetId"/> names, or one set.
    /// <see cref="RuleSetId"/>, <see cref="RuleSetVersion"/> and <see cref="RuleSetSha256"/> are its identity.
    /// </summary>
    public Rules.RuleSet RuleSet => _ruleSet;

    /// <summary>The applicable measures, ordered by clause, then code.</summary>
    public ImmutableArray<ApplicableMeasure> ApplicableMeasures { get; }

    /// <summary>The conveniences the subject enjoys that R7.3 would cancel, in the order the rule lists them.</summary>
    public ImmutableArray<Convenience> RevokedConveniences { get; }

    /// <summary>
    /// What was ignored and why: reports that do not count, records the publicity policy ended, incomplete
    /// commitment letters, a missing credit check, suppressed incentives.
    /// </summary>
    public ImmutableArray<string> Warnings
    {
        get
        {
            var warnings = Volatile.Read(ref _warnings); // read once: another reader may be making the lone warning's array
            return ImmutableCollectionsMarshal.AsImmutableArray(warnings as string[] ?? Alone((string)warnings));
        }
    }

    // Most decisions have one warning: it is kept as the string, and the array made the first time it is asked
    // for (a decision kept in memory holds one object fewer; issue 14). Either a string or a string[] (like StringValues).
    private object _warnings;

    /// <summary>The lone warning's array, made once: every caller gets the same array.</summary>
    private string[] Alone(string lone)
    {
        string[] array = [lone];
        return Interlocked.CompareExchange(ref _warnings, array, lone) as string[] ?? array;
    }

    /// <summary>The decision's only warning without making its array; <see langword="null"/> when it has none or several.</summary>
    internal string? LoneWarning => _warnings as string;

    /// <summary>Whether the measure with this code is applicable.</summary>
    public bool IsApplicable(string code)
    {
        foreach (var measure in ApplicableMeasures)
        {
            if (string.Equals(measure.Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Subject (masked where personal), day and measure codes.</summary>
    public override string ToString() => Subjects.PersonalIds.Mask($"{Subject} on {IsoDate.Format(AsOf)}: {string.Join(", ", ApplicableMeasures)}"); // R8
}
