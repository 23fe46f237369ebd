using System;
using System.Collections.Generic;

namespace CreditPolicy.Serialization;

/// <summary>A batch of input lines (one JSON document each) with their line numbers, sharing one buffer.</summary>
internal sealed class LineBatch
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _used;

    internal List<(int Start, int Length, int Line)> Items { get; } = new(512);

    internal int Bytes => _used;

    internal ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var (start, length, _) = Items[index];
            return _buffer.AsSpan(start, length);
        }
    }

    internal int LineOf(int index) => Items[index].Line;

    internal void Add(ReadOnlySpan<byte> document, int line)
    {
        if (_used + document.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + document.Length));
        }

        document.CopyTo(_buffer.AsSpan(_used));
        Items.Add((_used, document.Length, line));
        _used += document.Length;
    }
}
