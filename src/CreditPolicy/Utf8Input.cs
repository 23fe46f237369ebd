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
