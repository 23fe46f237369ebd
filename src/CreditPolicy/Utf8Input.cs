using System;
using System.Buffers;
using System.Text;

namespace CreditPolicy;

/// <summary>What every reader does with input bytes before JSON: skip a byte-order mark, find invalid UTF-8.</summary>
internal static class Utf8Input
{
    /// <summary>The UTF-8 byte-order mark, accepted at the start of every input (contract v2).</summary>
    internal static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary><paramref name="input"/> without a leading byte-order mark.</summary>
    internal static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> input) => input.StartsWith(Bom) ? input[Bom.Length..] : input;

    /// <summary>
    /// The offset of the first <c>\uXXXX</c> escape in JSON text that is half a surrogate pair without its
    /// other half (e.g. <c>"\ud800"</c>): no Unicode text, so reading the string would throw. -1 when none.
    /// </summary>
    internal static int FirstLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var pendingHigh = -1;
        for (var i = json.IndexOf((byte)'\\'); i >= 0 && i < json.Length; )
        {
            if (i + 1 < json.Length && json[i + 1] == (byte)'u' && i + 6 <= json.Length && TryHex(json.Slice(i + 2, 4), out var unit))
            {
                if (pendingHigh >= 0 && (unit < 0xDC00 || unit > 0xDFFF || pendingHigh + 6 != i))
                {
                    return pendingHigh;
                }

                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    pendingHigh = i;
                }
                else if (unit is >= 0xDC00 and <= 0xDFFF && pendingHigh < 0)
                {
                    return i;
                }
                else
                {
                    pendingHigh = -1;
                }

                i += 6;
            }
            else
            {
                if (pendingHigh >= 0)
                {
                    return pendingHigh;
                }

                i += 2; // any other escape, \\ included
            }

            if (i >= json.Length)
            {
                break;
            }

            var next = json[i..].IndexOf((byte)'\\');
            if (next < 0)
            {
                break;
            }

            if (pendingHigh >= 0 && next > 0)
            {
                return pendingHigh;
            }

            i += next;
        }

        return pendingHigh;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            var v = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => d - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }

            value = (value * 16) + v;
        }

        return true;
    }

    /// <summary>The offset of the first byte that does not begin a valid UTF-8 sequence, or -1 when all are valid.</summary>
    internal static int FirstInvalid(ReadOnlySpan<byte> input)
    {
        if (System.Text.Unicode.Utf8.IsValid(input))
        {
            return -1;
        }

        var offset = 0;
        while (offset < input.Length && Rune.DecodeFromUtf8(input[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
