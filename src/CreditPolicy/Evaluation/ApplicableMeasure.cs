using System.Collections.Immutable;
using CreditPolicy.Measures;

namespace CreditPolicy.Evaluation;

/// <summary>
/// A measure the rules find applicable to a subject, with the clause that provides for it and the
/// evidence that caused it. Advice: R6 and R7 say the administration <em>may</em> apply it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ApplicableMeasure
{
    internal ApplicableMeasure(MeasureDefinition definition, ImmutableArray<string> evidence)
    {
        Definition = definition;
        Evidence = evidence;
    }

    /// <summary>The rule-file definition of the measure.</summary>
    public MeasureDefinition Definition { get; }

    /// <summary>The measure code, e.g. <c>penalty.key-review</c>.</summary>
    public string Code => Definition.Code;

    /// <summary>Incentive or penalty.</summary>
    public MeasureKind Kind => Definition.Kind;

    /// <summary>The clause, e.g. R7.2.</summary>
    public ClauseId Clause => Definition.Clause;

    /// <summary>The title in the policy's Chinese words.</summary>
    public string Title => Definition.TitleZh;

    /// <summary>The ids of the records, reports and commitments that caused it, sorted ordinally.</summary>
    public ImmutableArray<string> Evidence { get; }

    /// <summary>Clause, code and evidence.</summary>
    public override string ToString() => $"{Clause} {Code} [{string.Join(", ", Evidence)}]";
}
