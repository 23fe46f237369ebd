using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CreditPolicy.Serialization;

/// <summary>The field names of one kind of JSON object, matched against property names without allocating.</summary>
internal sealed class FieldSet
{
    private readonly byte[][] _utf8;

    internal FieldSet(params string[] names)
    {
        Names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    internal string[] Names { get; }

    /// <summary>
    /// The index of the reader's current property name, or -1 for a field the contract does not name (ignored).
    /// <paramref name="expected"/> is tried first: writers mostly give fields in the contract's order, so the
    /// field after the last one read is usually the one.
    /// </summary>
    internal int Match<TTokens>(ref TTokens reader, int expected = 0)
        where TTokens : IJsonTokens, allows ref struct
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            if ((uint)expected < (uint)_utf8.Length && Same(name, _utf8[expected]))
            {
                return expected;
            }

            for (var i = 0; i < _utf8.Length; i++)
            {
                if (Same(name, _utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is <paramref name="field"/>: names of 4 to 16 bytes (nearly all of the
    /// contract's) as two overlapping words, inline, instead of a call per field tried.
    /// </summary>
    internal static bool Same(ReadOnlySpan<byte> name, ReadOnlySpan<byte> field)
    {
        var length = name.Length;
        if (length != field.Length)
        {
            return false;
        }

        if (length is >= sizeof(ulong) and <= 2 * sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(name) == BinaryPrimitives.ReadUInt64LittleEndian(field)
                && BinaryPrimitives.ReadUInt64LittleEndian(name[(length - sizeof(ulong))..]) == BinaryPrimitives.ReadUInt64LittleEndian(field[(length - sizeof(ulong))..]);
        }

        if (length is >= sizeof(uint) and < sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(name) == BinaryPrimitives.ReadUInt32LittleEndian(field)
                && BinaryPrimitives.ReadUInt32LittleEndian(name[(length - sizeof(uint))..]) == BinaryPrimitives.ReadUInt32LittleEndian(field[(length - sizeof(uint))..]);
        }

        return name.SequenceEqual(field);
    }

    internal int IndexOf(string name) => System.Array.IndexOf(Names, name);

    /// <summary>The bits of <paramref name="names"/> in a mask of present fields (as <c>NextField</c> sets them): required fields by name, not by position.</summary>
    /// <exception cref="ArgumentException">A name is not a field of this set.</exception>
    internal int Bits(params string[] names)
    {
        var bits = 0;
        foreach (var name in names)
        {
            var index = IndexOf(name);
            bits |= index >= 0 ? 1 << index : throw new ArgumentException($"'{name}' is not a field of this set.", nameof(names));
        }

        return bits;
    }

    /// <summary>The names of the fields whose bits are set in <paramref name="bits"/>: the inverse of <see cref="Bits"/>.</summary>
    internal string[] NamesIn(int bits) => [.. Names.Where((_, i) => (bits & (1 << i)) != 0)];
}
