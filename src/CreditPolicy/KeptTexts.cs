using System;
using System.Threading;

namespace CreditPolicy;

/// <summary>
/// Texts about a long-lived item — a record's, report's or commitment's decision warnings, in each language —
/// made once and kept for as long as the item lives, so that every decision about the item shares one string
/// (issue 14: decisions cheap to keep). Each item has one field for them that only this class reads or writes
/// (invisible to its users, its equality and its JSON); it first held them in a <c>ConditionalWeakTable</c> beside
/// the item, whose lookup cost an evaluation more than the rest of its warnings and whose dependent handles slowed
/// every garbage collection. <c>key</c> is what else a text depends on (a publicity regime, a committer); texts for
/// another key replace the kept ones.
/// </summary>
/// <remarks>
/// Only for items evaluated again and again (an app's population, comparisons, as-of sweeps): a stream meets
/// each item once, so <see cref="Streaming.DecisionPipeline"/> makes its warnings afresh. Thread-safe: two threads
/// may each make a text the first time (the same words), and one of them is kept; texts are immutable.
/// </remarks>
internal static class KeptTexts
{
    /// <summary>Slot <paramref name="slot"/> (below 8) of the texts kept in <paramref name="kept"/> (an item's field) for <paramref name="key"/>, made by <paramref name="make"/> when missing.</summary>
    internal static string Get<TState>(ref Memo? kept, object? key, int slot, TState state, Func<TState, string> make)
    {
        var memo = Volatile.Read(ref kept);
        if (memo is null || !ReferenceEquals(memo.Key, key))
        {
            memo = new Memo(key);
            Volatile.Write(ref kept, memo);
        }

        return memo.Texts[slot] ??= make(state);
    }

    /// <summary>An item's kept texts for one key.</summary>
    internal sealed class Memo(object? key)
    {
        internal object? Key { get; } = key;

        internal string?[] Texts { get; } = new string?[8];
    }
}
