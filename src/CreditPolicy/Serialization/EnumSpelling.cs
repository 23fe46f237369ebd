using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CreditPolicy.Serialization;

/// <summary>The contract's spelling of each value of an enumeration (e.g. <c>natural-person</c>).</summary>
/// <typeparam name="T">The enumeration.</typeparam>
internal sealed class EnumSpelling<T>
    where T : struct, Enum
{
    private readonly (T Value, string Text, byte[] Utf8)[] _entries;
    private readonly string?[] _names;

    internal EnumSpelling(params (T Value, string Text)[] entries)
    {
        _entries = [.. entries.Select(e => (e.Value, e.Text, Encoding.UTF8.GetBytes(e.Text)))];
        _names = new string?[entries.Max(e => Convert.ToInt32(e.Value, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var (value, text) in entries)
        {
            _names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        Expected = string.Join(", ", entries.Select(e => e.Text));
    }

    /// <summary>All spellings, comma-separated, for error messages.</summary>
    internal string Expected { get; }

    internal string Name(T value)
    {
        var index = System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value);
        return (uint)index < (uint)_names.Length && _names[index] is { } name
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a value of the contract.");
    }

    internal IEnumerable<T> Values => _entries.Select(e => e.Value);

    internal bool TryParse(string? text, out T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Text, text, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Matches the reader's current string token, without allocating.</summary>
    internal bool TryMatch<TTokens>(ref TTokens reader, out T value)
        where TTokens : IJsonTokens, allows ref struct
    {
        var plain = !reader.ValueIsEscaped && !reader.HasValueSequence;
        var text = plain ? reader.ValueSpan : default;
        foreach (var entry in _entries)
        {
            if (plain ? text.SequenceEqual((ReadOnlySpan<byte>)entry.Utf8) : reader.ValueTextEquals(entry.Utf8))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
