using System;
using System.Numerics;
using CreditPolicy.Measures;

namespace CreditPolicy.Evaluation;

/// <summary>
/// The measures applicable to a subject, without evidence or warnings: what
/// <see cref="PolicyEvaluator.EvaluateMeasures"/> returns when the caller needs only the codes. A value
/// that allocates nothing; enumerate it with <c>foreach</c> (clause, then code order).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct ApplicableMeasureSet : IEquatable<ApplicableMeasureSet>
{
    private readonly MeasureDefinition[]? _measures;
    private readonly ulong _bits;

    internal ApplicableMeasureSet(MeasureDefinition[] measures, ulong bits)
    {
        _measures = measures;
        _bits = bits;
    }

    /// <summary>How many measures apply.</summary>
    public int Count => BitOperations.PopCount(_bits);

    /// <summary>Whether the measure with this code applies.</summary>
    public bool Contains(string code)
    {
        foreach (var measure in this)
        {
            if (string.Equals(measure.Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Enumerates the applicable measures in clause, then code order.</summary>
    public Enumerator GetEnumerator() => new(_measures, _bits);

    /// <inheritdoc />
    public bool Equals(ApplicableMeasureSet other) => ReferenceEquals(_measures, other._measures) && _bits == other._bits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ApplicableMeasureSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _bits.GetHashCode();

    /// <summary>Whether two sets are the same.</summary>
    public static bool operator ==(ApplicableMeasureSet left, ApplicableMeasureSet right) => left.Equals(right);

    /// <summary>Whether two sets differ.</summary>
    public static bool operator !=(ApplicableMeasureSet left, ApplicableMeasureSet right) => !left.Equals(right);

    /// <summary>Enumerates an <see cref="ApplicableMeasureSet"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly MeasureDefinition[]? _measures;
        private ulong _remaining;

        internal Enumerator(MeasureDefinition[]? measures, ulong bits)
        {
            _measures = measures;
            _remaining = bits;
            Current = null!;
        }

        /// <summary>The current measure.</summary>
        public MeasureDefinition Current { get; private set; }

        /// <summary>Moves to the next measure.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0 || _measures is null)
            {
                return false;
            }

            var index = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = _measures[index];
            return true;
        }
    }
}
