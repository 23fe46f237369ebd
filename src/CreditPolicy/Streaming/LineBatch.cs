using System;
using System.Buffers;
using System.Collections.Generic;

namespace CreditPolicy.Streaming;

/// <summary>
/// A batch of input lines (one JSON document each) with their line numbers, sharing one buffer rented
/// from the shared array pool; <see cref="Release"/> gives it back once the batch is processed.
/// </summary>
internal sealed class LineBatch
{
    private byte[] _buffer;
    private int _used;

    /// <param name="capacity">The bytes expected (the last batch's): enough room from the start saves growing and copying.</param>
    internal LineBatch(int capacity = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 64 * 1024));
    }

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
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + document.Length));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ReturnZeroed(_buffer, _used);
            _buffer = larger;
        }

        document.CopyTo(_buffer.AsSpan(_used));
        Items.Add((_used, document.Length, line));
        _used += document.Length;
    }

    /// <summary>Returns the buffer to the pool, zeroed (no profile, R8, is handed to the pool's next user); the batch must not be read afterwards.</summary>
    internal void Release()
    {
        ReturnZeroed(_buffer, _used);
        _buffer = [];
        _used = 0;
        Items.Clear();
    }

    /// <summary>
    /// Returns <paramref name="buffer"/> to the pool with the <paramref name="used"/> bytes the batch wrote zeroed: no
    /// profile (R8) is handed to the pool's next user. Only what <see cref="Add"/> copied is cleared, not the rest
    /// of a pooled array twice the batch's size (issue 14).
    /// </summary>
    private static void ReturnZeroed(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
