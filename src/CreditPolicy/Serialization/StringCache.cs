using System;
using System.Text;

namespace CreditPolicy.Serialization;

/// <summary>
/// A small per-thread cache of the short strings that recur from profile to profile (authorities, windows,
/// matters, agencies, departments), so that reading them neither allocates nor transcodes again. A slot
/// holds the last string that hashed to it; strings are immutable, so sharing them is safe.
/// </summary>
internal static class StringCache
{
    private const int Slots = 1024;
    private const int MaxLength = 96;

    [ThreadStatic]
    private static (byte[] Utf8, string Text)[]? t_slots;

    internal static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slots = t_slots ??= new (byte[], string)[Slots];
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        ref var slot = ref slots[hash % Slots];
        if (slot.Utf8 is not null && utf8.SequenceEqual(slot.Utf8))
        {
            return slot.Text;
        }

        var text = Encoding.UTF8.GetString(utf8);
        slot = (utf8.ToArray(), text);
        return text;
    }
}
