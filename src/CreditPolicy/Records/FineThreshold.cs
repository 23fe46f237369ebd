using System;
using Ardalis.GuardClauses;

namespace CreditPolicy.Records;

/// <summary>A fine amount from which a fine (罚款) takes a class of its own: see <see cref="PenaltySeverityTable.FineThresholds"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FineThreshold
{
    /// <summary>Creates a threshold.</summary>
    /// <param name="atLeast">The smallest amount, in 万元 (ten thousand yuan), not negative.</param>
    /// <param name="severity">The class of a fine of at least that amount.</param>
    /// <exception cref="ArgumentException">The amount is negative or the class is not defined.</exception>
    public FineThreshold(decimal atLeast, RecordSeverity severity)
    {
        AtLeast = Guard.Against.Negative(atLeast);
        Severity = Enum.IsDefined(severity) ? severity : throw new ArgumentOutOfRangeException(nameof(severity));
    }

    /// <summary>The smallest amount, in 万元 (ten thousand yuan), as the data standard's 罚款金额（万元） gives it.</summary>
    public decimal AtLeast { get; }

    /// <summary>The class of a fine of at least <see cref="AtLeast"/>.</summary>
    public RecordSeverity Severity { get; }

    /// <inheritdoc />
    public override string ToString() => $"{AtLeast.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Severity}";
}
