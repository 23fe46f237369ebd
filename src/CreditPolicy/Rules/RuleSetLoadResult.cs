using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CreditPolicy.Rules;

/// <summary>The outcome of loading a rule file: the compiled rule set, or every problem in the file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleSetLoadResult
{
    internal RuleSetLoadResult(RuleSet? ruleSet, ImmutableArray<RuleFileError> errors)
    {
        RuleSet = ruleSet;
        Errors = errors;
    }

    /// <summary>The rule set, when the file had no problem.</summary>
    public RuleSet? RuleSet { get; }

    /// <summary>Every problem found, in file order; empty when the file is valid.</summary>
    public ImmutableArray<RuleFileError> Errors { get; }

    /// <summary>Whether the file is a valid rule set.</summary>
    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool Succeeded => RuleSet is not null;
}
