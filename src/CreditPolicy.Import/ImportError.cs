using System.Globalization;
using System.Text;
using CreditPolicy.Subjects;

namespace CreditPolicy.Import;

/// <summary>
/// One row (or file) that could not be imported: where — file, row as a spreadsheet shows it (the header is
/// row 1), column as the file names it — and what. The message never contains a resident identity number.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportError
{
    /// <summary>Creates an error.</summary>
    /// <param name="file">The file's name as given to the importer.</param>
    /// <param name="row">The row, from 1 (the header); 0 when the file could not be read at all.</param>
    /// <param name="column">The column's name as the file's header gives it (or as the standard spells a missing one); <see langword="null"/> when no one column is at fault.</param>
    /// <param name="message">What is wrong, in the importer's language.</param>
    public ImportError(string file, int row, string? column, string message)
    {
        File = file;
        Row = row;
        Column = column;
        Message = message;
    }

    /// <summary>The file's name as given to the importer.</summary>
    public string File { get; }

    /// <summary>The row as a spreadsheet shows it (the header is row 1); 0 when the file could not be read at all.</summary>
    public int Row { get; }

    /// <summary>The column at fault, as the file names it; <see langword="null"/> when no one column is.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, in the importer's language (English by default).</summary>
    public string Message { get; }

    /// <summary>The error as <see cref="Format"/> writes it in English.</summary>
    public override string ToString() => Format(null);

    /// <summary>
    /// <c>FILE:ROW: column 'COLUMN': MESSAGE</c> (<c>FILE:ROW: 列“COLUMN”: MESSAGE</c> in Chinese, when the
    /// name of <paramref name="culture"/> starts with <c>zh</c>), every part as output may show input: resident
    /// identity numbers masked and control characters escaped.
    /// </summary>
    public string Format(CultureInfo? culture)
    {
        var zh = ImportMessages.IsChinese(culture);
        var text = new StringBuilder();
        text.Append(PersonalIds.ForOutput(File)).Append(':').Append(Row.ToString(CultureInfo.InvariantCulture)).Append(": ");
        if (Column is not null)
        {
            text.Append(ImportMessages.Get(zh, "format.column", PersonalIds.ForOutput(Column))).Append(": ");
        }

        return text.Append(PersonalIds.ForOutput(Message)).ToString();
    }
}
