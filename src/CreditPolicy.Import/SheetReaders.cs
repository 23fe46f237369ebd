using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Serialization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CreditPolicy.Import;

/// <summary>One row of a file as a spreadsheet shows it: its number (the header is 1) and its cells' text, trimmed.</summary>
internal sealed record SheetRow(int Number, string[] Cells)
{
    internal string Cell(int index) => index < Cells.Length ? Cells[index] : string.Empty;

    internal bool IsBlank => Cells.All(string.IsNullOrEmpty);
}

/// <summary>
/// Reads the rows of a CSV file (CsvHelper) or of the first worksheet of an XLSX workbook (Open XML SDK): the
/// format is told by the bytes (an XLSX file is a ZIP archive), not by the file's name.
/// </summary>
internal static class SheetReaders
{
    /// <summary>The rows of <paramref name="bytes"/>, or the message that says why the file cannot be read (the row it fails on, or 0).</summary>
    internal static (List<SheetRow>? Rows, int FailedRow, string? Problem) Read(byte[] bytes, Encoding? encoding, bool zh) =>
        bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) ? ReadXlsx(bytes, zh) : ReadCsv(bytes, encoding, zh);

    private static (List<SheetRow>?, int, string?) ReadCsv(byte[] bytes, Encoding? encoding, bool zh)
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

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            TrimWhitespace = true,
            IncludeValuesInExceptions = false,
        };
        var rows = new List<SheetRow>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Clean(reader.GetString(i));
                }

                rows.Add(new SheetRow(checked((int)reader.RowNumber), cells));
            }
        }
        catch (CsvFormatException ex)
        {
            return (null, checked((int)ex.RecordNumber), ImportMessages.Get(zh, "file.csv"));
        }

        return (rows, 0, null);
    }

    private static (List<SheetRow>?, int, string?) ReadXlsx(byte[] bytes, bool zh)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return (null, 0, ImportMessages.Get(zh, "file.xlsx"));
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var rows = new List<SheetRow>();
            var next = 1;
            foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
            {
                var number = row.RowIndex?.Value is { } index ? checked((int)index) : next;
                next = number + 1;
                var cells = new List<string>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    position = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                    while (cells.Count < position)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(Clean(CellText(cell, shared)));
                    position = cells.Count;
                }

                rows.Add(new SheetRow(number, [.. cells]));
            }

            return (rows, 0, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            return (null, 0, ImportMessages.Get(zh, "file.xlsx"));
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value is { } type)
        {
            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
            }

            if (type == CellValues.InlineString)
            {
                return cell.InlineString?.InnerText ?? string.Empty;
            }
        }

        return value;
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = checked((index * 26) + (c - 'A' + 1));
        }

        return Math.Max(index - 1, 0);
    }

    /// <summary>A cell's text with surrounding spaces (full-width and no-break spaces too) removed.</summary>
    private static string Clean(string? text) => text is null ? string.Empty : text.Trim().Trim('\u3000', '\u00A0', '\uFEFF').Trim();

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
}
