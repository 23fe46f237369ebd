using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Collections.Immutable;
using CreditPolicy.Measures;

namespace CreditPolicy.Evaluation;

/// <summary>
/// Per-thread working space of one evaluation: the ids of each evidence set and the input warnings,
/// gathered in the same single pass over the profile that computes the facts, so that building the
/// decision reads no record, report or commitment twice.
/// </summary>
internal sealed class EvaluationScratch
{
    [ThreadStatic]
    private static EvaluationScratch? t_current;

    private readonly string[][] _ids = new string[7][];
    private readonly int[] _counts = new int[7];

    private EvaluationScratch()
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            _ids[i] = new string[8];
        }
    }

    internal List<string> Warnings { get; } = [];

    /// <summary>This thread's scratch, emptied.</summary>
    internal static EvaluationScratch Rent()
    {
        var scratch = t_current ??= new EvaluationScratch();
        Array.Clear(scratch._counts);
        scratch.Warnings.Clear();
        return scratch;
    }

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

    /// <summary>The ids of the sets in <paramref name="mask"/> (bits 1 &lt;&lt; set), each once, sorted ordinally.</summary>
    internal ImmutableArray<string> Evidence(int mask)
    {
        var total = 0;
        var sets = 0;
        for (var set = 1; set < _ids.Length; set++)
        {
            if ((mask & (1 << set)) != 0 && _counts[set] > 0)
            {
                total += _counts[set];
                sets++;
            }
        }

        if (total == 0)
        {
            return [];
        }

        var ids = new string[total];
        var length = 0;
        for (var set = 1; set < _ids.Length; set++)
        {
            if ((mask & (1 << set)) == 0)
            {
                continue;
            }

            for (var i = 0; i < _counts[set]; i++)
            {
                var id = _ids[set][i];
                if (sets == 1 || Array.IndexOf(ids, id, 0, length) < 0)
                {
                    ids[length++] = id;
                }
            }
        }

        if (length < total)
        {
            Array.Resize(ref ids, length);
        }

        SortOrdinal(ids);
        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }

    /// <summary>The warnings, sorted ordinally.</summary>
    internal ImmutableArray<string> SortedWarnings()
    {
        if (Warnings.Count == 0)
        {
            return [];
        }

        var array = Warnings.ToArray();
        SortOrdinal(array);
        return ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    private static void SortOrdinal(string[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1], items[i]) > 0)
            {
                Array.Sort(items, StringComparer.Ordinal);
                return;
            }
        }
    }
}
