using System;
using System.Runtime.CompilerServices;

namespace CreditPolicy;

/// <summary>
/// Texts about a long-lived item — a record's, report's or commitment's decision warnings, in each language —
/// made once and kept beside the item (not in it: model values hold no caches) for as long as it lives, so that
/// every decision about the item shares one string (issue 14: decisions cheap to keep). <c>key</c> is what else
/// a text depends on (a publicity regime, a committer); texts for another key replace the kept ones.
/// </summary>
/// <remarks>
/// Only for items evaluated again and again (an app's population, comparisons, as-of sweeps): a stream meets
/// each item once, and the table's dependent handles would only slow its garbage collections, so
/// <see cref="Streaming.DecisionPipeline"/> makes its warnings afresh. Thread-safe; texts are immutable.
/// </remarks>
internal static class KeptTexts
{
    private static readonly ConditionalWeakTable<object, Memo> Memos = [];

    /// <summary>Slot <paramref name="slot"/> (below 8) of the texts kept for <paramref name="item"/> and <paramref name="key"/>, made by <paramref name="make"/> when missing.</summary>
    internal static string Get<TState>(object item, object? key, int slot, TState state, Func<TState, string> make)
    {
        if (!Memos.TryGetValue(item, out var memo) || !ReferenceEquals(memo.Key, key))
        {
            memo = new Memo(key);
            Memos.AddOrUpdate(item, memo);
        }

        return memo.Texts[slot] ??= make(state);
    }

    private sealed class Memo(object? key)
    {
        internal object? Key { get; } = key;

        internal string?[] Texts { get; } = new string?[8];
    }
}
