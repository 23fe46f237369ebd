using System;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CreditPolicy.Serialization;

/// <summary>
/// A strict JSON tokenizer for what profiles almost always are: well-formed JSON in valid UTF-8. It reads
/// that in one pass, checking each string's UTF-8 as it goes (no separate pass over the input), and gives
/// each string unescaped. On anything it is not sure of — a syntax error, invalid UTF-8, a lone surrogate
/// escape, nesting deeper than <see cref="MaxDepth"/> — it throws <see cref="FastPathDeclinedException"/>
/// and the profile is read again with <see cref="ReferenceTokens"/>, so that every error, its wording and
/// its line come from <see cref="Utf8JsonReader"/> as before (issue 14; held by
/// <c>FastReaderDifferentialTests</c>).
/// </summary>
/// <remarks>
/// For the input it accepts it gives the tokens, start offsets and values <see cref="Utf8JsonReader"/> gives,
/// except that an escaped string is presented unescaped (<see cref="ValueIsEscaped"/> is always false), which
/// the profile reader reads to the same values.
/// </remarks>
internal ref struct FastJsonTokens : IJsonTokens
{
    /// <summary>Deeper nesting is left to the reference reader (whose own limit is 64).</summary>
    internal const int MaxDepth = 32;

    /// <summary>UTF-8 that throws on invalid bytes: strings made into text are checked as they are transcoded.</summary>
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static byte[]? t_unescaped;

    private readonly ReadOnlySpan<byte> _input;
    private ReadOnlySpan<byte> _value;
    private ulong _objects; // bit d: the container at depth d + 1 is an object
    private int _depth;
    private int _position;
    private int _start;
    private JsonTokenType _type;

    /// <summary>The current string holds bytes above ASCII not yet checked as UTF-8: checked when made into text, or at the next read.</summary>
    private bool _unchecked;

    /// <summary>The current string as written, escapes and all: what is checked as UTF-8.</summary>
    private ReadOnlySpan<byte> _raw;

    internal FastJsonTokens(ReadOnlySpan<byte> input)
    {
        _input = input;
    }

    public readonly JsonTokenType TokenType => _type;

    public readonly long TokenStartIndex => _start;

    public readonly ReadOnlySpan<byte> ValueSpan => _value;

    public readonly bool ValueIsEscaped => false;

    public readonly bool HasValueSequence => false;

    public bool Read()
    {
        if (_unchecked)
        {
            CheckValue();
        }

        var input = _input;
        var i = SkipWhitespace(input, _position);
        if ((uint)i >= (uint)input.Length)
        {
            if (_depth == 0 && _type is not (JsonTokenType.None or JsonTokenType.PropertyName or JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                _position = i;
                return false;
            }

            Decline();
        }

        var c = input[i];
        switch (_type)
        {
            case JsonTokenType.None:
            case JsonTokenType.PropertyName:
                ReadValue(i, c);
                return true;
            case JsonTokenType.StartObject:
                if (c == (byte)'}')
                {
                    End(i, JsonTokenType.EndObject);
                }
                else
                {
                    ReadName(i, c);
                }

                return true;
            case JsonTokenType.StartArray:
                if (c == (byte)']')
                {
                    End(i, JsonTokenType.EndArray);
                }
                else
                {
                    ReadValue(i, c);
                }

                return true;
            default:
                // After a value: a comma, or the end of the container that holds it.
                if (_depth == 0)
                {
                    Decline(); // something after the top-level value
                }

                var inObject = (_objects & (1UL << (_depth - 1))) != 0;
                if (c == (byte)',')
                {
                    i = SkipWhitespace(input, i + 1);
                    if ((uint)i >= (uint)input.Length)
                    {
                        Decline();
                    }

                    if (inObject)
                    {
                        ReadName(i, input[i]);
                    }
                    else
                    {
                        ReadValue(i, input[i]);
                    }
                }
                else if (c == (inObject ? (byte)'}' : (byte)']'))
                {
                    End(i, inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
                }
                else
                {
                    Decline();
                }

                return true;
        }
    }

    public void Skip()
    {
        if (_type == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (_type is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = _depth - 1;
            do
            {
                Read();
            }
            while (_depth > depth);
        }
    }

    public string? GetString()
    {
        if (_type is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return _type == JsonTokenType.Null ? null : DeclineWith<string?>();
        }

        if (!_unchecked)
        {
            return Encoding.UTF8.GetString(_value);
        }

        if (_value != _raw)
        {
            CheckValue(); // escaped: check the bytes as written
            return Encoding.UTF8.GetString(_value);
        }

        try
        {
            var text = Strict.GetString(_value);
            _unchecked = false;
            return text;
        }
        catch (DecoderFallbackException)
        {
            return DeclineWith<string?>();
        }
    }

    public string GetSharedString()
    {
        if (_type != JsonTokenType.String)
        {
            return DeclineWith<string>();
        }

        if (_unchecked)
        {
            if (_value == _raw && StringCache.TryGetCached(_value, out var cached))
            {
                _unchecked = false; // the cache holds only text read from valid UTF-8
                return cached;
            }

            CheckValue();
        }

        return StringCache.Get(_value);
    }

    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text) =>
        _type is JsonTokenType.String or JsonTokenType.PropertyName ? _value.SequenceEqual(utf8Text) : DeclineWith<bool>();

    /// <summary>The index of the first byte from <paramref name="i"/> that is not JSON whitespace; compact JSON has none, so that case is inlined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> input, int i) =>
        (uint)i < (uint)input.Length && input[i] > (byte)' ' ? i : SkipWhitespaceSlowly(input, i);

    private static int SkipWhitespaceSlowly(ReadOnlySpan<byte> input, int i)
    {
        while ((uint)i < (uint)input.Length && input[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>Checks the current string's UTF-8 (see <see cref="_unchecked"/>).</summary>
    private void CheckValue()
    {
        if (!Utf8.IsValid(_raw))
        {
            Decline();
        }

        _unchecked = false;
    }

    /// <summary>Leaves this input to the reference reader. Kept out of line, so that the methods that call it stay small.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Decline() => throw new FastPathDeclinedException();

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T DeclineWith<T>() => throw new FastPathDeclinedException();

    private void End(int at, JsonTokenType type)
    {
        _start = at;
        _position = at + 1;
        _type = type;
        _depth--;
        _value = default;
    }

    private void ReadName(int at, byte c)
    {
        if (c != (byte)'"')
        {
            Decline();
        }

        ReadString(at);
        var colon = SkipWhitespace(_input, _position);
        if ((uint)colon >= (uint)_input.Length || _input[colon] != (byte)':')
        {
            Decline();
        }

        _position = colon + 1;
        _type = JsonTokenType.PropertyName;
    }

    private void ReadValue(int at, byte c)
    {
        _start = at;
        switch (c)
        {
            case (byte)'"':
                ReadString(at);
                _type = JsonTokenType.String;
                return;
            case (byte)'{':
            case (byte)'[':
                if (_depth >= MaxDepth)
                {
                    Decline();
                }

                _objects = c == (byte)'{' ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
                _depth++;
                _position = at + 1;
                _type = c == (byte)'{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                _value = default;
                return;
            case (byte)'t':
                Literal(at, "true"u8, JsonTokenType.True);
                return;
            case (byte)'f':
                Literal(at, "false"u8, JsonTokenType.False);
                return;
            case (byte)'n':
                Literal(at, "null"u8, JsonTokenType.Null);
                return;
            default:
                ReadNumber(at);
                return;
        }
    }

    private void Literal(int at, ReadOnlySpan<byte> text, JsonTokenType type)
    {
        if (!_input[at..].StartsWith(text))
        {
            Decline();
        }

        _value = _input.Slice(at, text.Length);
        _position = at + text.Length;
        _type = type;
    }

    /// <summary>RFC 8259's number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>; what ends it is checked by the next read.</summary>
    private void ReadNumber(int at)
    {
        var input = _input;
        var i = at;
        if (i < input.Length && input[i] == (byte)'-')
        {
            i++;
        }

        if (i < input.Length && input[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(input, i);
        }

        if (i < input.Length && input[i] == (byte)'.')
        {
            i = Digits(input, i + 1);
        }

        if (i < input.Length && input[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < input.Length && input[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = Digits(input, i);
        }

        _value = input[at..i];
        _position = i;
        _type = JsonTokenType.Number;
    }

    /// <summary>One or more digits from <paramref name="i"/>; the index after them.</summary>
    private static int Digits(ReadOnlySpan<byte> input, int i)
    {
        var first = i;
        while ((uint)i < (uint)input.Length && input[i] is >= (byte)'0' and <= (byte)'9')
        {
            i++;
        }

        if (i == first)
        {
            Decline();
        }

        return i;
    }

    /// <summary>The string whose opening quote is at <paramref name="at"/>: its bytes checked as UTF-8, unescaped when it holds escapes.</summary>
    private void ReadString(int at)
    {
        var input = _input;
        var i = at + 1;
        var seen = 0u;
        var escaped = false;
        while (true)
        {
            i = NextSpecial(input, i, ref seen);
            if ((uint)i >= (uint)input.Length)
            {
                Decline();
            }

            var b = input[i];
            if (b == (byte)'"')
            {
                break;
            }

            if (b != (byte)'\\')
            {
                Decline(); // a raw control character
            }

            escaped = true;
            i += 2; // the escaped byte cannot end the string; escapes are checked when unescaped
        }

        var raw = input[(at + 1)..i];
        _start = at;
        _position = i + 1;
        _value = escaped ? Unescape(raw) : raw;
        _raw = raw;
        _unchecked = seen != 0;
    }

    /// <summary>
    /// The index of the first quote, backslash or control character from <paramref name="i"/> (the input's
    /// length when there is none); <paramref name="seen"/> becomes non-zero when a byte before it is not ASCII.
    /// Sixteen bytes a step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextSpecial(ReadOnlySpan<byte> input, int i, ref uint seen)
    {
        ref var first = ref MemoryMarshal.GetReference(input);
        while (i <= input.Length - Vector128<byte>.Count)
        {
            var bytes = Vector128.LoadUnsafe(ref first, (nuint)i);
            var special = (Vector128.Equals(bytes, Vector128.Create((byte)'"'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(bytes, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
            var high = bytes.ExtractMostSignificantBits();
            if (special != 0)
            {
                var at = BitOperations.TrailingZeroCount(special);
                seen |= high & ((1u << at) - 1);
                return i + at;
            }

            seen |= high;
            i += Vector128<byte>.Count;
        }

        for (; (uint)i < (uint)input.Length; i++)
        {
            var b = input[i];
            if (b is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return i;
            }

            seen |= b & 0x80u;
        }

        return i;
    }

    /// <summary>JSON's escapes resolved into a per-thread buffer; a bad escape or a lone surrogate declines.</summary>
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> raw)
    {
        var buffer = t_unescaped is { } b && b.Length >= raw.Length ? b : t_unescaped = new byte[Math.Max(raw.Length, 256)];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != (byte)'\\')
            {
                buffer[length++] = c;
                continue;
            }

            if (++i >= raw.Length)
            {
                Decline();
            }

            switch (raw[i])
            {
                case (byte)'"': buffer[length++] = (byte)'"'; break;
                case (byte)'\\': buffer[length++] = (byte)'\\'; break;
                case (byte)'/': buffer[length++] = (byte)'/'; break;
                case (byte)'b': buffer[length++] = (byte)'\b'; break;
                case (byte)'f': buffer[length++] = (byte)'\f'; break;
                case (byte)'n': buffer[length++] = (byte)'\n'; break;
                case (byte)'r': buffer[length++] = (byte)'\r'; break;
                case (byte)'t': buffer[length++] = (byte)'\t'; break;
                case (byte)'u':
                    var unit = Hex(raw, i + 1);
                    i += 4;
                    int scalar;
                    if (unit is >= 0xD800 and <= 0xDBFF)
                    {
                        // A high surrogate must be followed at once by an escaped low one.
                        if (i + 2 >= raw.Length || raw[i + 1] != (byte)'\\' || raw[i + 2] != (byte)'u')
                        {
                            Decline();
                        }

                        var low = Hex(raw, i + 3);
                        if (low is < 0xDC00 or > 0xDFFF)
                        {
                            Decline();
                        }

                        i += 6;
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    }
                    else if (unit is >= 0xDC00 and <= 0xDFFF)
                    {
                        scalar = DeclineWith<int>(); // a low surrogate with no high one before it
                    }
                    else
                    {
                        scalar = unit;
                    }

                    // Six escaped bytes never unescape to more than four: the buffer, as long as the raw text, holds them.
                    length += new Rune(scalar).EncodeToUtf8(buffer.AsSpan(length));
                    break;
                default:
                    Decline();
                    break;
            }
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>Four hex digits at <paramref name="at"/>.</summary>
    private static int Hex(ReadOnlySpan<byte> raw, int at)
    {
        return at + 4 <= raw.Length && Utf8Parser.TryParse(raw.Slice(at, 4), out ushort value, out var consumed, 'X') && consumed == 4
            ? value
            : DeclineWith<int>();
    }
}

/// <summary>The fast tokenizer met something it leaves to the reference reader; never seen outside the profile reader.</summary>
internal sealed class FastPathDeclinedException : Exception
{
    public FastPathDeclinedException()
        : base("The fast profile reader declined this input; it is read with the reference reader.")
    {
    }

    public FastPathDeclinedException(string message)
        : base(message)
    {
    }

    public FastPathDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
