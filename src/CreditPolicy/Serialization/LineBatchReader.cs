using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CreditPolicy.Serialization;

/// <summary>
/// Splits an input stream into profile documents, batched: JSON Lines (one profile a line, blank lines
/// skipped), or one pretty-printed profile spanning many lines. The input is JSON Lines unless its first
/// non-blank line is an unfinished JSON value and the next non-blank line does not start a new object.
/// Reads as it goes, so memory stays flat however long JSON Lines input is.
/// </summary>
internal sealed class LineBatchReader
{
    private const int MaxBatchItems = 512;
    private const int MaxBatchBytes = 1 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _lineNumber;
    private bool _modeKnown;
    private byte[]? _pendingLine;
    private int _pendingNumber;

    internal LineBatchReader(Stream stream) => _stream = stream;

    /// <summary>The next batch, or <see langword="null"/> at the end of the input.</summary>
    internal async ValueTask<LineBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (!_modeKnown)
        {
            _modeKnown = true;
            if (await DetectDocumentAsync(cancellationToken).ConfigureAwait(false) is { } first)
            {
                return first;
            }
        }

        var batch = new LineBatch();
        if (_pendingLine is not null)
        {
            batch.Add(_pendingLine, _pendingNumber);
            _pendingLine = null;
        }

        while (batch.Items.Count < MaxBatchItems && batch.Bytes < MaxBatchBytes)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is not { } range)
            {
                break;
            }

            var text = _buffer.AsSpan(range.Start, range.Length);
            if (!IsBlank(text))
            {
                batch.Add(text, _lineNumber);
            }
        }

        return batch.Items.Count == 0 ? null : batch;
    }

    /// <summary>Looks at the first two non-blank lines; when they are one multi-line document, reads it whole.</summary>
    private async ValueTask<LineBatch?> DetectDocumentAsync(CancellationToken cancellationToken)
    {
        var first = await ReadNonBlankLineAsync(cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return null;
        }

        var firstNumber = _lineNumber;
        if (IsCompleteValue(first))
        {
            (_pendingLine, _pendingNumber) = (first, firstNumber);
            return null;
        }

        using var document = new MemoryStream();
        document.Write(first);
        var lastNumber = firstNumber;
        var second = await ReadNonBlankLineAsync(cancellationToken).ConfigureAwait(false);
        if (second is not null && second.AsSpan().TrimStart(" \t"u8) is [(byte)'{', ..])
        {
            // JSON Lines whose first line is broken: keep both lines as separate documents.
            var batch = new LineBatch();
            batch.Add(first, firstNumber);
            (_pendingLine, _pendingNumber) = (second, _lineNumber);
            return batch;
        }

        while (second is not null)
        {
            for (var i = lastNumber; i < _lineNumber; i++)
            {
                document.WriteByte((byte)'\n');
            }

            document.Write(second);
            lastNumber = _lineNumber;
            second = await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } next ? _buffer.AsSpan(next.Start, next.Length).ToArray() : null;
        }

        var whole = new LineBatch();
        whole.Add(document.GetBuffer().AsSpan(0, (int)document.Length), firstNumber);
        return whole;
    }

    private async ValueTask<byte[]?> ReadNonBlankLineAsync(CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } range)
        {
            var text = _buffer.AsSpan(range.Start, range.Length);
            if (!IsBlank(text))
            {
                return text.ToArray();
            }
        }

        return null;
    }

    /// <summary>The next line (without its line break) as a range of the buffer, valid until the next call.</summary>
    private async ValueTask<(int Start, int Length)?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && _start < _end))
            {
                var length = newline >= 0 ? newline : _end - _start;
                var start = _start;
                _start += newline >= 0 ? newline + 1 : length;
                _lineNumber++;
                if (_lineNumber == 1 && _buffer.AsSpan(start, length).StartsWith("\uFEFF"u8))
                {
                    start += 3;
                    length -= 3;
                }

                if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
                {
                    length--;
                }

                return (start, length);
            }

            if (_eof)
            {
                return null;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _eof = read == 0;
            _end += read;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>Whether the line holds a complete JSON value (brackets balanced outside strings).</summary>
    internal static bool IsCompleteValue(ReadOnlySpan<byte> line)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
            }
        }

        return depth <= 0 && !inString;
    }
}
