using System;
using System.Buffers.Binary;
using System.Numerics;
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

    /// <summary>
    /// The cached text of <paramref name="utf8"/>, if it is cached. Every cached text was read from valid UTF-8
    /// (both profile readers check it before they ask), so a hit proves <paramref name="utf8"/> valid too.
    /// </summary>
    internal static bool TryGetCached(ReadOnlySpan<byte> utf8, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        if (utf8.Length <= MaxLength && t_slots is { } slots && slots[Hash(utf8) % Slots] is { Utf8: { } bytes } slot && utf8.SequenceEqual(bytes))
        {
            text = slot.Text;
            return true;
        }

        text = null;
        return false;
    }

    internal static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slots = t_slots ??= new (byte[], string)[Slots];
        ref var slot = ref slots[Hash(utf8) % Slots];
        if (slot.Utf8 is not null && utf8.SequenceEqual(slot.Utf8))
        {
            return slot.Text;
        }

        var text = Encoding.UTF8.GetString(utf8);
        slot = (utf8.ToArray(), text);
        return text;
    }

    /// <summary>
    /// A hash of the length and the first and last eight bytes, cheaper than hashing every byte of a name; a
    /// collision costs only a miss, since the slot's bytes are compared.
    /// </summary>
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        ulong mixed;
        if (utf8.Length >= 8)
        {
            mixed = BinaryPrimitives.ReadUInt64LittleEndian(utf8) ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]), 29);
        }
        else
        {
            mixed = 0;
            foreach (var b in utf8)
            {
                mixed = (mixed << 8) | b;
            }
        }

        mixed = unchecked((mixed ^ (ulong)utf8.Length) * 0x9E3779B97F4A7C15UL);
        return (uint)(mixed >> 32);
    }
}
