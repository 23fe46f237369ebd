using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using CreditPolicy.Serialization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CreditPolicy.Import;

/// <summary>
/// One row of a file as a spreadsheet shows it: its number (the header is 1) and its cells' text, trimmed; or a
/// row that could not be read (<see cref="Problem"/>, at the 0-based <see cref="ProblemColumn"/> or -1 for the
/// row), and when <see cref="Fatal"/> the reader stops there.
/// </summary>
internal sealed record SheetRow(int Number, string[] Cells, int ProblemColumn = -1, string? Problem = null, bool Fatal = false)
{
    internal string Cell(int index) => index < Cells.Length ? Cells[index] : string.Empty;

    internal bool IsBlank => Problem is null && Cells.All(string.IsNullOrEmpty);
}

/// <summary>A file opened: its rows (read as they are enumerated), whether it is CSV, the Excel date system, and warnings (sheets not read).</summary>
internal sealed record SheetSource(IEnumerable<SheetRow> Rows, bool IsCsv, bool Date1904, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads the rows of a CSV file or of the first visible worksheet of an XLSX workbook (Open XML SDK for the
/// package, a streaming XML reader for the sheet, so memory does not grow with the sheet): the format is told by
/// the bytes (an XLSX file is a ZIP archive), not by the file's name.
/// </summary>
internal static class SheetReaders
{
    /// <summary>The most line breaks a quoted CSV field may hold (Excel's limit for a cell); past it the quote is taken as unclosed.</summary>
    internal const int MaxLineBreaksInField = 253;

    /// <summary>The last column of a worksheet, XFD.</summary>
    internal const int MaxColumns = 16384;

    /// <summary>The last row of a worksheet.</summary>
    internal const int MaxSheetRows = 1_048_576;

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, CloseInput = true };

    /// <summary>The rows of <paramref name="bytes"/>, or the message that says why the file cannot be read (the row it fails on, or 0).</summary>
    internal static (SheetSource? Source, int FailedRow, string? Problem) Read(byte[] bytes, ImportOptions options, bool zh)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return ReadXlsx(bytes, options, zh);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return (null, 0, ImportMessages.Get(zh, "file.cfb"));
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, 0, ImportMessages.Get(zh, "file.utf16"));
        }

        return ReadCsv(bytes, options.Encoding, zh);
    }

    private static (SheetSource?, int, string?) ReadCsv(byte[] bytes, Encoding? encoding, bool zh)
    {
        string text;
        try
        {
            // A byte-order mark says UTF-8 whatever was asked; otherwise the encoding asked for, strictly.
            text = bytes.AsSpan().StartsWith("\uFEFF"u8)
                ? Strict(InputEncodings.Utf8).GetString(bytes, 3, bytes.Length - 3)
                : Strict(encoding ?? InputEncodings.Utf8).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var name = (encoding ?? InputEncodings.Utf8).WebName.ToUpperInvariant();
            return (null, InputEncodings.LineOf(bytes, ex.Index), ImportMessages.Get(zh, "file.encoding", name));
        }

        return (new SheetSource(CsvRows(text, zh), true, false, []), 0, null);
    }

    /// <summary>The largest CSV record read, in bytes of UTF-8: a record beyond it (an unclosed quote in a large file, a line of hundreds of megabytes) is one located problem.</summary>
    internal const int MaxCsvRecordBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The records of CSV text (RFC 4180, comma), read with CsvHelper: a quoted field may hold separators, doubled
    /// quotes and line breaks; a quote inside an unquoted field is kept as it is. A quoted field that reaches the end
    /// of the file unclosed, that runs over <see cref="MaxLineBreaksInField"/> line breaks, or a record larger than
    /// <see cref="MaxCsvRecordBytes"/>, is reported at the row (and the column where its quote opened), and reading
    /// resumes with a new reader at the line after the one the record starts on, so the rows after it are still read.
    /// </summary>
    internal static IEnumerable<SheetRow> CsvRows(string text, bool zh)
    {
        var record = 0;
        var offset = 0;
        while (offset < text.Length)
        {
            CsvMalformedRecord? unterminated = null;
            var options = CsvReaderOptions.Default with
            {
                Separator = ',',
                HasHeader = false,
                SkipEmptyLines = false,
                AllowLineBreaksInQuotes = true,
                TrimWhitespace = true,
                IncludeValuesInExceptions = false,
                DetectSeparatorHint = false,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Recover,
                MaxRecordSize = MaxCsvRecordBytes,
                OnMalformedRecord = malformed => unterminated ??= malformed.Reason == CsvMalformedReason.UnterminatedQuote ? malformed : null,
            };
            var segment = offset == 0 ? text : text[offset..];
            var restartLine = 0;
            using (var reader = CsvReader.FromText(segment, options))
            {
                while (restartLine == 0)
                {
                    var (read, tooLarge) = TryRead(reader);
                    if (!read && tooLarge is null)
                    {
                        yield break;
                    }

                    record++;
                    if (tooLarge is not null)
                    {
                        yield return new SheetRow(record, [], OpeningColumn(segment, tooLarge.LineNumber), ImportMessages.Get(zh, "file.csv-too-large", MaxCsvRecordBytes / 1024 / 1024));
                        restartLine = (int)Math.Max(1, tooLarge.LineNumber) + 1;
                        break;
                    }

                    var cells = new string[reader.FieldCount];
                    var runaway = -1;
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = Clean(reader.GetString(i));
                        runaway = runaway < 0 && LineBreaks(cells[i]) > MaxLineBreaksInField ? i : runaway;
                    }

                    if (unterminated is not null || runaway >= 0)
                    {
                        var problem = unterminated is not null ? ImportMessages.Get(zh, "file.csv-unclosed") : ImportMessages.Get(zh, "file.csv-runaway", MaxLineBreaksInField);
                        var column = unterminated is not null ? cells.Length - 1 : runaway;
                        yield return new SheetRow(record, cells[..column], column, problem);
                        restartLine = (int)reader.LineNumber + 1;
                        break;
                    }

                    yield return new SheetRow(record, cells);
                }
            }

            offset += LineOffset(segment, restartLine);
        }
    }

    /// <summary>Reads the next record; a record over <see cref="MaxCsvRecordBytes"/> is returned as the exception that says so.</summary>
    private static (bool Read, CsvFormatException? TooLarge) TryRead(CsvReader reader)
    {
        try
        {
            return (reader.Read(), null);
        }
        catch (CsvFormatException ex)
        {
            return (false, ex);
        }
    }

    /// <summary>The column where the record starting on <paramref name="line"/> opens the quote that runs on: the last field of that line alone, read with CsvHelper.</summary>
    private static int OpeningColumn(string text, long line)
    {
        var start = LineOffset(text, (int)Math.Max(1, line));
        var end = NextLine(text, start);
        using var reader = CsvReader.FromText(text[start..end], CsvReaderOptions.Default with { Separator = ',', HasHeader = false, DetectSeparatorHint = false });
        return reader.Read() ? Math.Max(0, reader.FieldCount - 1) : -1;
    }

    private static int LineBreaks(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += c == '\n' ? 1 : 0;
        }

        return count;
    }

    /// <summary>The position in <paramref name="text"/> where its 1-based <paramref name="line"/> starts, or its end.</summary>
    private static int LineOffset(string text, int line)
    {
        var position = 0;
        for (var i = 1; i < line && position < text.Length; i++)
        {
            position = NextLine(text, position);
        }

        return position;
    }

    /// <summary>The position after the line break that ends the line holding <paramref name="index"/>, or the end of the text.</summary>
    private static int NextLine(string text, int index)
    {
        var next = text.IndexOfAny(['\r', '\n'], index);
        if (next < 0)
        {
            return text.Length;
        }

        return text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? next + 2 : next + 1;
    }

    private static (SheetSource?, int, string?) ReadXlsx(byte[] bytes, ImportOptions options, bool zh)
    {
        var stream = new MemoryStream(bytes, writable: false);
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (workbook is null || sheets.Count == 0)
            {
                document.Dispose();
                return (null, 0, ImportMessages.Get(zh, "file.xlsx-no-sheet"));
            }

            var sheet = sheets.Find(s => s.State?.Value is null || s.State.Value == SheetStateValues.Visible);
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                document.Dispose();
                return (null, 0, ImportMessages.Get(zh, "file.xlsx-no-sheet"));
            }

            var warnings = sheets.Where(s => !ReferenceEquals(s, sheet)).Select(s => ImportMessages.Get(
                zh,
                s.State?.Value is null || s.State.Value == SheetStateValues.Visible ? "file.sheet-skipped" : "file.sheet-hidden",
                s.Name?.Value ?? string.Empty,
                sheet.Name?.Value ?? string.Empty)).ToList();
            var date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
            var budget = new Budget(options.MaxUncompressedBytes);
            var shared = workbook.SharedStringTablePart is { } sharedPart ? SharedStrings(sharedPart, budget) : null;
            return (new SheetSource(XlsxRows(document, part, shared, budget, options.MaxRows, zh), false, date1904, warnings), 0, null);
        }
        catch (Exception ex) when (IsBrokenPackage(ex))
        {
            document?.Dispose();
            return (null, 0, ex is ReadLimitException limit ? limit.Text(zh) : ImportMessages.Get(zh, "file.xlsx"));
        }
    }

    /// <summary>Whether <paramref name="ex"/> is what the Open XML SDK, the ZIP reader or the XML reader throw for a damaged package (or a limit reached).</summary>
    internal static bool IsBrokenPackage(Exception ex) =>
        ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or XmlException or FormatException or IndexOutOfRangeException
            or OverflowException or ArgumentException or InvalidOperationException or NotSupportedException or IOException or KeyNotFoundException
            or NullReferenceException or InvalidCastException or ReadLimitException;

    /// <summary>The text of each shared string: its <c>t</c> and rich-text runs' <c>t</c>, not phonetic runs (<c>rPh</c>).</summary>
    private static string[] SharedStrings(SharedStringTablePart part, Budget budget)
    {
        var strings = new List<string>();
        using var reader = XmlReader.Create(new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), budget), XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                using var item = reader.ReadSubtree();
                strings.Add(Clean(Texts(item).Inline));
            }
        }

        return [.. strings];
    }

    /// <summary>
    /// The texts of the element a subtree reader holds (a cell, or a shared string item): its <c>v</c>, and its
    /// <c>t</c> elements outside phonetic runs (<c>rPh</c>) joined.
    /// </summary>
    private static (string Value, string Inline) Texts(XmlReader reader)
    {
        var stack = new List<string>();
        var value = new StringBuilder();
        var inline = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when !reader.IsEmptyElement:
                    stack.Add(reader.LocalName);
                    break;
                case XmlNodeType.EndElement when stack.Count > 0:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when stack.Count > 0:
                    if (stack[^1] == "v")
                    {
                        value.Append(reader.Value);
                    }
                    else if (stack[^1] == "t" && !stack.Contains("rPh"))
                    {
                        inline.Append(reader.Value);
                    }

                    break;
            }
        }

        return (value.ToString(), inline.ToString());
    }

    private static IEnumerable<SheetRow> XlsxRows(SpreadsheetDocument document, WorksheetPart part, string[]? shared, Budget budget, int maxRows, bool zh)
    {
        using var owner = document;
        using var reader = XmlReader.Create(new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), budget), XmlSettings);
        var next = 1;
        var count = 0;
        var cells = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            if (++count > maxRows)
            {
                yield return new SheetRow(next, [], -1, ImportMessages.Get(zh, "file.too-many-rows", maxRows), Fatal: true);
                yield break;
            }

            var number = next;
            string? problem = null;
            if (reader.GetAttribute("r") is { } rowText)
            {
                if (!long.TryParse(rowText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index < 1 || index > MaxSheetRows)
                {
                    problem = ImportMessages.Get(zh, "file.row-reference", Cut(rowText), MaxSheetRows);
                }
                else
                {
                    number = (int)index;
                }
            }

            next = number + 1;
            cells.Clear();
            using (var row = reader.ReadSubtree())
            {
                row.Read();
                var position = 0;
                while (row.Read())
                {
                    if (row.NodeType != XmlNodeType.Element || row.LocalName != "c" || row.Depth != 1)
                    {
                        continue;
                    }

                    var reference = row.GetAttribute("r");
                    var type = row.GetAttribute("t");
                    var column = reference is null ? position : ColumnIndex(reference);
                    if (column < 0 || column >= MaxColumns)
                    {
                        problem ??= ImportMessages.Get(zh, "file.cell-reference", Cut(reference ?? "-"), MaxColumns);
                        continue;
                    }

                    string text;
                    using (var cell = row.ReadSubtree())
                    {
                        var (value, inline) = Texts(cell);
                        text = type switch
                        {
                            "inlineStr" => inline,
                            "s" => Shared(value, shared),
                            _ => value,
                        };
                    }

                    while (cells.Count <= column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells[column] = Clean(text);
                    position = column + 1;
                }
            }

            yield return problem is null ? new SheetRow(number, [.. cells]) : new SheetRow(number, [.. cells], -1, problem);
        }
    }

    private static string Shared(string value, string[]? shared)
    {
        if (shared is null)
        {
            throw new ReadLimitException("file.xlsx-no-shared-strings");
        }

        return int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
    }

    /// <summary>A reference quoted in a message, cut to 12 characters (never a run of 15 digits, which may be an identity number).</summary>
    private static string Cut(string text) => text.Length > 12 ? text[..12] + "…" : text;

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>; -1 past XFD (16,384) or when the reference has no column letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
            if (++letters > 3 || index > MaxColumns)
            {
                return -1;
            }
        }

        return index - 1;
    }

    /// <summary>A cell's text with surrounding spaces (full-width and no-break spaces too) removed.</summary>
    private static string Clean(string? text) => text is null ? string.Empty : text.Trim().Trim('\u3000', '\u00A0', '\uFEFF').Trim();

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The uncompressed bytes a workbook's parts may still give.</summary>
    private sealed class Budget(long limit)
    {
        internal long Limit { get; } = limit;

        internal long Left { get; set; } = limit;
    }

    /// <summary>A part's stream that throws <see cref="ReadLimitException"/> once the workbook has given more than its budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Left -= read;
            if (budget.Left < 0)
            {
                throw new ReadLimitException("file.too-large-uncompressed", budget.Limit);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>A workbook that cannot be read further: a limit reached or a part missing; its message in either language.</summary>
#pragma warning disable CA1032, RCS1194 // internal, thrown and caught by the importer only
internal sealed class ReadLimitException(string key, params object?[] args) : Exception("The workbook cannot be read further.")
#pragma warning restore CA1032, RCS1194
{
    internal string Text(bool zh) => ImportMessages.Get(zh, key, args);
}
