using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.IO;
using System.Threading.Tasks;
using System.Threading;
using System;
using CreditPolicy.Serialization;

namespace CreditPolicy.Streaming;

/// <summary>
/// Splits an input stream into profile documents, batched (contract v2, "Input streams"): JSON Lines (one
/// profile a line, blank lines skipped) and pretty-printed profiles one after another, in any mix. A
/// document ends where its brackets balance; a line that starts with <c>{</c> in its first column while a
/// document is unfinished begins a new one, so after a damaged profile reading resumes there. A document
/// longer than the limit is cut just past it (its reader then rejects it) and the rest of it skipped,
/// without ever holding more than the limit. Memory stays flat however long the input is.
/// </summary>
internal sealed class LineBatchReader
{
    private const int MaxBatchItems = 512;
    private const int MaxBatchBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxDocument;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _lineNumber;
    private bool _skippingLongLine;
    private int _lastBatchBytes = 64 * 1024;

    // The unfinished document, when it spans lines, and the bracket scanner's state after its last line.
    private readonly ArrayBufferWriter<byte> _document = new();
    private int _documentLine;
    private int _documentLastLine;
    private bool _documentPretty;
    private Scanner _scanner;

    /// <param name="stream">The input.</param>
    /// <param name="maxDocumentBytes">The longest document kept whole; a longer one is cut one byte past it.</param>
    /// <param name="encoding">The input's encoding when it is not UTF-8: each line is transcoded on its own, so that a bad byte costs one profile.</param>
    internal LineBatchReader(Stream stream, int maxDocumentBytes = int.MaxValue - 1024, System.Text.Encoding? encoding = null)
    {
        _stream = stream;
        _maxDocument = maxDocumentBytes;
        _encoding = InputEncodings.IsUtf8(encoding) ? null : InputEncodings.Strict(encoding!);
    }

    private readonly System.Text.Encoding? _encoding;

    /// <summary>
    /// A line as UTF-8: as it is for UTF-8 input; else transcoded, a byte the encoding does not allow
    /// becoming a byte that is not UTF-8 (0xFF), which the profile reader then reports, located.
    /// </summary>
    private ReadOnlySpan<byte> Decoded(ReadOnlySpan<byte> line)
    {
        if (_encoding is null)
        {
            return line;
        }

        try
        {
            return InputEncodings.Utf8.GetBytes(_encoding.GetString(line));
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            var bad = Math.Clamp(ex.Index, 0, line.Length);
            var lenient = System.Text.Encoding.GetEncoding(_encoding.CodePage);
            byte[] marked = [.. InputEncodings.Utf8.GetBytes(lenient.GetString(line[..bad])), 0xFF, .. InputEncodings.Utf8.GetBytes(lenient.GetString(line[Math.Min(line.Length, bad + 1)..]))];
            return marked;
        }
    }

    /// <summary>The next batch, or <see langword="null"/> at the end of the input.</summary>
    internal async ValueTask<LineBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new LineBatch(_lastBatchBytes);
        while (batch.Items.Count < MaxBatchItems && batch.Bytes < MaxBatchBytes)
        {
            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } range)
            {
                Flush(batch);
                break;
            }

            var text = Decoded(_buffer.AsSpan(range.Start, range.Length));
            if (_documentLine == 0)
            {
                if (!IsBlank(text))
                {
                    Start(batch, text);
                }

                continue;
            }

            if (text is [(byte)'{', ..] && !(_documentPretty && _scanner.AcceptsObject))
            {
                // A '{' in the first column while a document is unfinished begins a new one: the unfinished one is
                // damaged (reading resumes here). Only inside a pretty-printed document (its first line a lone
                // bracket) may such a line continue it, where an object can stand: an array element, a value after ':'.
                Flush(batch);
                Start(batch, text);
                continue;
            }

            Append(text);
            _scanner.Scan(text);
            if (_scanner.Complete)
            {
                Flush(batch);
            }
        }

        _lastBatchBytes = Math.Min(batch.Bytes, MaxBatchBytes) * 9 / 8;
        return batch.Items.Count == 0 ? null : batch;
    }

    /// <summary>A document starts with <paramref name="text"/>: whole on one line (JSON Lines, no copy), or begun for the lines that follow.</summary>
    private void Start(LineBatch batch, ReadOnlySpan<byte> text)
    {
        var scanner = default(Scanner);
        scanner.Scan(text);
        if (scanner.Complete && text.Length <= _maxDocument)
        {
            batch.Add(text, _lineNumber);
        }
        else
        {
            Begin(text, scanner);
        }
    }

    private void Begin(ReadOnlySpan<byte> text, Scanner scanner)
    {
        _document.Clear(); // zeroed: no profile (R8) stays in the buffer
        _documentLine = _documentLastLine = _lineNumber;
        _documentPretty = text.Trim(" \t"u8) is [(byte)'{'] or [(byte)'['];
        _scanner = scanner;
        Write(text);
    }

    private void Append(ReadOnlySpan<byte> text)
    {
        for (var i = _documentLastLine; i < _lineNumber; i++)
        {
            Write("\n"u8);
        }

        _documentLastLine = _lineNumber;
        Write(text);
    }

    /// <summary>Keeps at most one byte more than the limit, so that the reader rejects an over-long document without it being held whole.</summary>
    private void Write(ReadOnlySpan<byte> bytes)
    {
        var room = (long)_maxDocument + 1 - _document.WrittenCount;
        if (room > 0)
        {
            _document.Write(bytes[..(int)Math.Min(room, bytes.Length)]);
        }
    }

    private void Flush(LineBatch batch)
    {
        if (_documentLine != 0)
        {
            batch.Add(_document.WrittenSpan, _documentLine);
            _documentLine = 0;
            _document.Clear(); // zeroed: no profile (R8) stays in the buffer
        }
    }

    /// <summary>
    /// The next line (without its line break) as a range of the buffer, valid until the next call. A line
    /// longer than the document limit is returned cut just past the limit, and the rest of it discarded.
    /// </summary>
    private async ValueTask<(int Start, int Length)?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (_skippingLongLine)
            {
                _start = newline >= 0 ? _start + newline + 1 : _end;
                _skippingLongLine = newline < 0 && !_eof;
                if (newline < 0 && !_eof)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (newline < 0 && _end - _start > _maxDocument)
            {
                // A line longer than any document may be: hand on its start, then skip the rest of it.
                var start = _start;
                _start = _end;
                _skippingLongLine = true;
                _lineNumber++;
                return (start, _maxDocument + 1);
            }

            if (newline >= 0 || (_eof && _start < _end))
            {
                var length = newline >= 0 ? newline : _end - _start;
                var start = _start;
                _start += newline >= 0 ? newline + 1 : length;
                _lineNumber++;
                if (_buffer.AsSpan(start, length).StartsWith("\uFEFF"u8)) // a byte-order mark at any line's start: files concatenated
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

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, _buffer.Length * 2L));
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _eof = read == 0;
        _end += read;
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnds = SearchValues.Create("\"\\"u8);

    /// <summary>Bracket depth outside strings, carried from line to line of one document.</summary>
    /// <remarks>
    /// Scanning is on the reading thread, which every profile passes through one after another: it is
    /// vectorised (32 bytes a step, strings found with a prefix XOR of the quotes, no stop at each quote)
    /// while there is no backslash, and byte by byte from the first backslash on, with the same result.
    /// </remarks>
    internal struct Scanner
    {
        private int _depth;
        private bool _inString;

        // One bit per open bracket (1 for an object) for the innermost 64 levels, and the last byte of the last line scanned that is not white space.
        private ulong _objects;
        private byte _last;

        /// <summary>Whether what was scanned is a whole value: its brackets closed again (or it had none), outside any string.</summary>
        internal readonly bool Complete => !_inString && _depth <= 0;

        /// <summary>Whether an object may begin here: as an element of an open array, or as the value after a ':'.</summary>
        internal readonly bool AcceptsObject =>
            !_inString && _depth > 0
            && (_depth <= 64 && (_objects & 1) == 0 ? _last is (byte)'[' or (byte)',' : _last == (byte)':');

        /// <summary>The whole state, for tests that hold the vectorised and the byte-by-byte scan together.</summary>
        internal readonly (int Depth, bool InString, ulong Objects, byte Last) State => (_depth, _inString, _objects, _last);

        internal void Scan(ReadOnlySpan<byte> line) => Scan(line, vectorised: true);

        internal void Scan(ReadOnlySpan<byte> line, bool vectorised)
        {
            var i = vectorised && (Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated) ? ScanVectorised(line) : 0;

            // Byte by byte (jumping from one byte that matters to the next): the tail, and everything from a backslash on.
            while (i < line.Length)
            {
                if (_inString)
                {
                    var next = line[i..].IndexOfAny(StringEnds);
                    if (next < 0)
                    {
                        break;
                    }

                    i += next;
                    if (line[i] == (byte)'\\')
                    {
                        i += 2;
                        continue;
                    }

                    _inString = false;
                    i++;
                    continue;
                }

                var special = line[i..].IndexOfAny(Structure);
                if (special < 0)
                {
                    break;
                }

                i += special;
                switch (line[i])
                {
                    case (byte)'"':
                        _inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        Open(line[i]);
                        break;
                    default:
                        Close();
                        break;
                }

                i++;
            }

            // What may follow on the next line depends on the last byte of this one outside a string.
            if (!_inString && line.TrimEnd(" \t\r"u8) is [.., var last])
            {
                _last = last;
            }
        }

        private void Open(byte bracket)
        {
            _depth++;
            _objects = (_objects << 1) | (bracket == (byte)'{' ? 1UL : 0UL);
        }

        private void Close()
        {
            _depth--;
            _objects >>= 1;
        }

        /// <summary>
        /// Scans 32 bytes a step up to the first step holding a backslash (an escape may hide a quote), and
        /// returns where the byte-by-byte scan goes on. Without escapes a byte is inside a string when an odd
        /// number of quotes precede it (the opening quote counted): the prefix XOR of the quotes' bits.
        /// </summary>
        private int ScanVectorised(ReadOnlySpan<byte> line)
        {
            ref var start = ref MemoryMarshal.GetReference(line);
            var inside = _inString ? uint.MaxValue : 0u;
            var i = 0;
            for (; i + 32 <= line.Length; i += 32)
            {
                var (quotes, backslashes, opens, closes) = Classify(ref Unsafe.Add(ref start, i));
                if (backslashes != 0)
                {
                    break;
                }

                var strings = PrefixXor(quotes) ^ inside;
                inside = unchecked((uint)((int)strings >> 31)); // all ones when the step ends inside a string
                for (var structural = (opens | closes) & ~strings; structural != 0; structural &= structural - 1)
                {
                    var at = BitOperations.TrailingZeroCount(structural);
                    if ((opens & (1u << at)) != 0)
                    {
                        Open(Unsafe.Add(ref start, i + at));
                    }
                    else
                    {
                        Close();
                    }
                }
            }

            _inString = inside != 0;
            return i;
        }

        /// <summary>One bit per byte of the 32 at <paramref name="at"/>: quotes, backslashes, opening and closing brackets.</summary>
        private static (uint Quotes, uint Backslashes, uint Opens, uint Closes) Classify(ref byte at)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                var bytes = Vector256.LoadUnsafe(ref at);
                var folded = bytes | Vector256.Create((byte)0x20); // '[' becomes '{', ']' becomes '}'; no other byte does
                return (
                    Vector256.Equals(bytes, Vector256.Create((byte)'"')).ExtractMostSignificantBits(),
                    Vector256.Equals(bytes, Vector256.Create((byte)'\\')).ExtractMostSignificantBits(),
                    Vector256.Equals(folded, Vector256.Create((byte)'{')).ExtractMostSignificantBits(),
                    Vector256.Equals(folded, Vector256.Create((byte)'}')).ExtractMostSignificantBits());
            }

            var (q0, b0, o0, c0) = Classify16(ref at);
            var (q1, b1, o1, c1) = Classify16(ref Unsafe.Add(ref at, 16));
            return (q0 | (q1 << 16), b0 | (b1 << 16), o0 | (o1 << 16), c0 | (c1 << 16));
        }

        private static (uint Quotes, uint Backslashes, uint Opens, uint Closes) Classify16(ref byte at)
        {
            var bytes = Vector128.LoadUnsafe(ref at);
            var folded = bytes | Vector128.Create((byte)0x20);
            return (
                Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits(),
                Vector128.Equals(bytes, Vector128.Create((byte)'\\')).ExtractMostSignificantBits(),
                Vector128.Equals(folded, Vector128.Create((byte)'{')).ExtractMostSignificantBits(),
                Vector128.Equals(folded, Vector128.Create((byte)'}')).ExtractMostSignificantBits());
        }

        /// <summary>Bit k of the result is the XOR of bits 0 to k of <paramref name="bits"/>.</summary>
        private static uint PrefixXor(uint bits)
        {
            bits ^= bits << 1;
            bits ^= bits << 2;
            bits ^= bits << 4;
            bits ^= bits << 8;
            bits ^= bits << 16;
            return bits;
        }
    }
}
