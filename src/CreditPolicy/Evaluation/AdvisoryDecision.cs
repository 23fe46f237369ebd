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
        _measures = ImmutableCollectionsMarshal.AsArray(measures) ?? [];
        RevokedConveniences = revokedConveniences;
        _warnings = warnings;
    }

    // A decision whose measures cite at most one evidence array: kept as the bits of its rule set's measures (in
    // evaluation order) that apply, and the evidence with the evidence sets it holds; a measure cites it when it asks
    // for those sets, and nothing otherwise. Its measures' array is made the first time it is asked for (issue 14).
    internal AdvisoryDecision(
        Subject subject,
        LocalDate asOf,
        Rules.RuleSet ruleSet,
        ulong applicable,
        int evidenceMask,
        string[]? evidence,
        ImmutableArray<Convenience> revokedConveniences,
        object warnings)
    {
        Subject = subject;
        AsOf = asOf;
        _ruleSet = ruleSet;
        _applicable = applicable;
        _evidenceMask = evidenceMask;
        _measures = evidence;
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
    public ImmutableArray<ApplicableMeasure> ApplicableMeasures
    {
        get
        {
            var measures = Volatile.Read(ref _measures); // read once: another reader may be making the array
            return ImmutableCollectionsMarshal.AsImmutableArray(measures as ApplicableMeasure[] ?? MakeMeasures(measures));
        }
    }

    // The measures' array (given, or made once on first read and published with CompareExchange, so that every reader
    // gets the same array); until then the one evidence array the measures cite, or null when they cite none. Most
    // decisions are kept without the array: a million kept decisions are a million objects fewer (issue 14).
    private object? _measures;

    // Until then: the bits of the rule set's measures in evaluation order that apply, and the evidence sets
    // (Measures.MeasureDefinition.EvidenceMask) of the evidence the measures asking for exactly those sets cite.
    private readonly ulong _applicable;
    private readonly int _evidenceMask;

    private ApplicableMeasure[] MakeMeasures(object? evidence)
    {
        var measures = BuildMeasures(_ruleSet.DefinitionsInEvaluationOrder, _applicable, _evidenceMask, evidence as string[]);
        return Interlocked.CompareExchange(ref _measures, measures, evidence) as ApplicableMeasure[] ?? measures;
    }

    /// <summary>
    /// The measures of <paramref name="definitions"/> whose bits are in <paramref name="applicable"/>, in order, those
    /// asking for exactly the evidence sets <paramref name="evidenceMask"/> citing <paramref name="evidence"/>, the
    /// others nothing.
    /// </summary>
    internal static ApplicableMeasure[] BuildMeasures(Measures.MeasureDefinition[] definitions, ulong applicable, int evidenceMask, string[]? evidence)
    {
        var measures = new ApplicableMeasure[System.Numerics.BitOperations.PopCount(applicable)];
        var cited = ImmutableCollectionsMarshal.AsImmutableArray(evidence);
        var next = 0;
        for (var remaining = applicable; remaining != 0; remaining &= remaining - 1)
        {
            var definition = definitions[System.Numerics.BitOperations.TrailingZeroCount(remaining)];
            measures[next++] = new ApplicableMeasure(definition, Cited(definition, evidenceMask, cited));
        }

        return measures;
    }

    /// <summary>What <paramref name="definition"/>'s measure cites: the evidence when it asks for exactly its sets, else nothing.</summary>
    private static ImmutableArray<string> Cited(Measures.MeasureDefinition definition, int evidenceMask, ImmutableArray<string> evidence) =>
        !evidence.IsDefault && definition.EvidenceMask == evidenceMask ? evidence : [];

    /// <summary>How many measures apply, without making their array.</summary>
    internal int MeasureCount => (Volatile.Read(ref _measures) as ApplicableMeasure[])?.Length ?? System.Numerics.BitOperations.PopCount(_applicable);

    /// <summary>The applicable measures in order, without making their array (the writer's way).</summary>
    internal MeasureEnumerator EnumerateMeasures() => new(this);

    /// <summary>Enumerates a decision's measures from its array when it has one, else from its measures' bits.</summary>
    internal struct MeasureEnumerator
    {
        private readonly ApplicableMeasure[]? _array;
        private readonly string[]? _evidence;
        private readonly AdvisoryDecision _decision;
        private ulong _remaining;
        private int _index;

        internal MeasureEnumerator(AdvisoryDecision decision)
        {
            var measures = Volatile.Read(ref decision._measures);
            _decision = decision;
            _array = measures as ApplicableMeasure[];
            _evidence = measures as string[];
            _remaining = decision._applicable;
            _index = -1;
            Current = default;
        }

        /// <summary>The current measure.</summary>
        public ApplicableMeasure Current { get; private set; }

        /// <summary>The enumerator itself, for <c>foreach</c>.</summary>
        public readonly MeasureEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next measure.</summary>
        public bool MoveNext()
        {
            if (_array is { } array)
            {
                if (++_index >= array.Length)
                {
                    return false;
                }

                Current = array[_index];
                return true;
            }

            if (_remaining == 0)
            {
                return false;
            }

            var definition = _decision._ruleSet.DefinitionsInEvaluationOrder[System.Numerics.BitOperations.TrailingZeroCount(_remaining)];
            _remaining &= _remaining - 1;
            Current = new ApplicableMeasure(definition, Cited(definition, _decision._evidenceMask, ImmutableCollectionsMarshal.AsImmutableArray(_evidence)));
            return true;
        }
    }

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
        foreach (var measure in EnumerateMeasures())
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
