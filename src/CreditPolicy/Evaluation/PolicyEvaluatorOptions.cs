using CreditPolicy.Reports;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>Options of a <see cref="PolicyEvaluator"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PolicyEvaluatorOptions
{
    /// <summary>The defaults: the rule set's filed agencies, no clock.</summary>
    public static PolicyEvaluatorOptions Default { get; } = new();

    /// <summary>The registry of filed agencies deciding which reports count (R3).</summary>
    /// <value>The default value is <see langword="null"/>: the rule set's own <see cref="Rules.RuleSet.FiledAgencies"/>.</value>
    public FiledAgencyRegistry? FiledAgencies { get; init; }

    /// <summary>The clock that says what "today" is, for <see cref="PolicyEvaluator.EvaluateToday"/>.</summary>
    /// <value>The default value is <see langword="null"/>: evaluate only as of explicit days.</value>
    public IClock? Clock { get; init; }

    /// <summary>The language of the decisions' warnings: Chinese when its name starts with <c>zh</c> (e.g. <c>zh-CN</c>); <see langword="null"/> for English. Codes, clause ids and ids are the same in every language.</summary>
    /// <value>The default value is <see langword="null"/> (English).</value>
    public System.Globalization.CultureInfo? Culture { get; init; }
}
