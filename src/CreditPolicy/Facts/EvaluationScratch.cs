using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System;
using CreditPolicy.Measures;

namespace CreditPolicy.Facts;

/// <summary>
/// Per-thread working space of one evaluation: the ids of the active negative records (with which are
/// serious), active positive records, breached commitments and counting reports, and the input warnings,
/// gathered in the same single pass over the profile that computes the facts, so that building the
/// decision reads no record, report or commitment twice.
/// </summary>
internal sealed class EvaluationScratch
{
    [ThreadStatic]
    private static EvaluationScratch? t_current;

    // Indexed by EvidenceSet; BadCreditRecords and ActiveSeriousNegativeRecords are derived, not stored. Slot 0 (no
    // set has that value) holds the breached commitments whose breach is itself an active negative, under the same id.
    private const EvidenceSet BreachesAlsoNegative = 0;

    private readonly string[][] _ids = new string[8][];
    private readonly int[] _counts = new int[8];
    private bool[] _serious = new bool[8];

    private EvaluationScratch()
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            _ids[i] = new string[8];
        }
    }

    internal List<string> Warnings { get; } = [];

    /// <summary>Whether warnings are written in Chinese: the evaluator's language, resolved once when it was built.</summary>
    internal bool Chinese { get; private set; }

    /// <summary>
    /// Whether warnings about records, reports and commitments are kept beside them for the next decision
    /// about the same items (<see cref="KeptTexts"/>): not for a stream, which meets each item once.
    /// </summary>
    internal bool KeepWarnings { get; private set; }

    /// <summary>This thread's scratch, emptied, its warnings in Chinese when <paramref name="chinese"/>, kept beside their items when <paramref name="keepWarnings"/>.</summary>
    internal static EvaluationScratch Rent(bool chinese = false, bool keepWarnings = true)
    {
        var scratch = t_current ??= new EvaluationScratch();
        scratch.Chinese = chinese;
        scratch.KeepWarnings = keepWarnings;
        Array.Clear(scratch._counts);
        scratch.Warnings.Clear();
        return scratch;
    }

    internal void AddNegative(string id, bool serious)
    {
        var index = _counts[(int)EvidenceSet.ActiveNegativeRecords];
        Add(EvidenceSet.ActiveNegativeRecords, id);
        if (index == _serious.Length)
        {
            Array.Resize(ref _serious, index * 2);
        }

        _serious[index] = serious;
    }

    /// <summary>
    /// A breached commitment whose breach is also an active negative under the same id (a breach given on the
    /// commitment, or a <c>commitment-breach</c> record naming none): kept apart from the other breached commitments,
    /// so that evidence citing all bad records does not gather it twice only to drop the repeat.
    /// </summary>
    internal void AddBreachAlsoNegative(string id) => Add(BreachesAlsoNegative, id);

    internal void Add(EvidenceSet set, string id)
    {
        ref var items = ref _ids[(int)set];
        ref var count = ref _counts[(int)set];
        if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
        }

        items[count++] = id;
    }

    /// <summary>
    /// The ids of the sets in <paramref name="mask"/> (bits 1 &lt;&lt; set), each once, sorted ordinally. A
    /// breach given on a commitment is both an active negative record and a breached commitment, under the
    /// commitment's id: it is cited once.
    /// </summary>
    internal ImmutableArray<string> Evidence(int mask)
    {
        static bool Has(int mask, EvidenceSet set) => (mask & (1 << (int)set)) != 0;
        var allNegative = Has(mask, EvidenceSet.ActiveNegativeRecords) || Has(mask, EvidenceSet.BadCreditRecords);
        var seriousOnly = !allNegative && Has(mask, EvidenceSet.ActiveSeriousNegativeRecords);
        var positive = Has(mask, EvidenceSet.ActivePositiveRecords);
        var breached = Has(mask, EvidenceSet.BreachedCommitments) || Has(mask, EvidenceSet.BadCreditRecords);
        var reports = Has(mask, EvidenceSet.CountingReports);
        var falseCommitments = Has(mask, EvidenceSet.FalseCommitments);

        var negatives = _counts[(int)EvidenceSet.ActiveNegativeRecords];
        var breachesAlsoNegative = breached && !allNegative; // otherwise among the negatives already
        var total = (allNegative ? negatives : 0)
            + (positive ? _counts[(int)EvidenceSet.ActivePositiveRecords] : 0)
            + (breached ? _counts[(int)EvidenceSet.BreachedCommitments] : 0)
            + (breachesAlsoNegative ? _counts[(int)BreachesAlsoNegative] : 0)
            + (reports ? _counts[(int)EvidenceSet.CountingReports] : 0)
            + (falseCommitments ? _counts[(int)EvidenceSet.FalseCommitments] : 0);
        if (seriousOnly)
        {
            for (var i = 0; i < negatives; i++)
            {
                total += _serious[i] ? 1 : 0;
            }
        }

        if (total == 0)
        {
            return [];
        }

        var ids = new string[total];
        var length = 0;
        if (allNegative)
        {
            length = Append(EvidenceSet.ActiveNegativeRecords, ids, length);
        }
        else if (seriousOnly)
        {
            var negativeIds = _ids[(int)EvidenceSet.ActiveNegativeRecords];
            for (var i = 0; i < negatives; i++)
            {
                if (_serious[i])
                {
                    ids[length++] = negativeIds[i];
                }
            }
        }

        length = positive ? Append(EvidenceSet.ActivePositiveRecords, ids, length) : length;
        length = breached ? Append(EvidenceSet.BreachedCommitments, ids, length) : length;
        length = breachesAlsoNegative ? Append(BreachesAlsoNegative, ids, length) : length;
        length = reports ? Append(EvidenceSet.CountingReports, ids, length) : length;
        _ = falseCommitments ? Append(EvidenceSet.FalseCommitments, ids, length) : length;
        return ImmutableCollectionsMarshal.AsImmutableArray(SortOrdinal(ids) ? Distinct(ids) : ids);
    }

    /// <summary>Copies the ids of <paramref name="set"/> into <paramref name="ids"/> at <paramref name="at"/>; where the next go.</summary>
    private int Append(EvidenceSet set, string[] ids, int at)
    {
        // A few ids: element by element beats a bulk copy's set-up.
        var from = _ids[(int)set].AsSpan(0, _counts[(int)set]);
        var to = ids.AsSpan(at, from.Length);
        for (var i = 0; i < from.Length; i++)
        {
            to[i] = from[i];
        }

        return at + from.Length;
    }

    /// <summary>The warnings, sorted ordinally.</summary>
    /// <summary>
    /// The warnings as a decision keeps them (<see cref="Evaluation.AdvisoryDecision"/>): a lone warning as
    /// the string itself, otherwise an array sorted ordinally (empty when there is none).
    /// </summary>
    internal object SortedWarnings()
    {
        if (Warnings.Count <= 1)
        {
            return Warnings.Count == 0 ? Array.Empty<string>() : Warnings[0];
        }

        var array = Warnings.ToArray();
        SortOrdinal(array);
        return array;
    }

    /// <summary>The sorted <paramref name="items"/> without adjacent repeats (the same array when there is none).</summary>
    private static string[] Distinct(string[] items)
    {
        var length = items.Length == 0 ? 0 : 1;
        for (var i = 1; i < items.Length; i++)
        {
            if (!string.Equals(items[i], items[length - 1], StringComparison.Ordinal))
            {
                items[length++] = items[i];
            }
        }

        return length == items.Length ? items : items[..length];
    }

    /// <summary>The ordinal comparison as one delegate: <c>Array.Sort(items, StringComparer.Ordinal)</c> makes a new one per call.</summary>
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    /// <summary>Sorts <paramref name="items"/> ordinally; whether two of them may be equal (false only when none is).</summary>
    private static bool SortOrdinal(string[] items)
    {
        if (items.Length > 32)
        {
            for (var i = 1; i < items.Length; i++)
            {
                if (string.CompareOrdinal(items[i - 1], items[i]) >= 0)
                {
                    Array.Sort(items, Ordinal);
                    return true;
                }
            }

            return false;
        }

        // A decision's evidence and warnings are a few items, mostly in order already: insertion sort, no delegate.
        // An item equal to one before it stops next to it, on a comparison of 0: that is the only way a repeat is seen.
        var repeats = false;
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var at = i;
            int order;
            while ((order = string.CompareOrdinal(items[at - 1], item)) > 0)
            {
                items[at] = items[at - 1];
                if (--at == 0)
                {
                    break;
                }
            }

            repeats |= order == 0;
            items[at] = item;
        }

        return repeats;
    }
}
