using System.Collections.Immutable;
using System.Linq;
using CreditPolicy.Measures;

namespace CreditPolicy.Evaluation;

/// <summary>
/// A measure the rules find applicable to a subject, with the clause that provides for it and the
/// evidence that caused it. Advice: R6 and R7 say the administration <em>may</em> apply it.
/// </summary>
/// <remarks>A small immutable value (a definition and its evidence), so that a decision's measures are one array. Thread-safe.</remarks>
public readonly struct ApplicableMeasure : System.IEquatable<ApplicableMeasure>
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

    /// <inheritdoc />
    public bool Equals(ApplicableMeasure other) => ReferenceEquals(Definition, other.Definition) && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ApplicableMeasure other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Definition?.GetHashCode() ?? 0;

    /// <summary>Whether two measures are the same with the same evidence.</summary>
    public static bool operator ==(ApplicableMeasure left, ApplicableMeasure right) => left.Equals(right);

    /// <summary>Whether two measures differ.</summary>
    public static bool operator !=(ApplicableMeasure left, ApplicableMeasure right) => !left.Equals(right);

    /// <summary>Clause, code and evidence.</summary>
    public override string ToString() => Subjects.PersonalIds.Mask($"{Clause} {Code} [{string.Join(", ", Evidence)}]"); // evidence ids may hold a number (R8)
}
