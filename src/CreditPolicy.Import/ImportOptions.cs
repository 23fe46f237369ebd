using System.Globalization;
using System.Text;
using CreditPolicy.Records;
using NodaTime;

namespace CreditPolicy.Import;

/// <summary>How <see cref="PublicityDataImporter"/> reads exports.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportOptions
{
    /// <summary>The defaults: kind detected from each file's header row, UTF-8, the default severity table, English messages.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>The kind of every file; <see langword="null"/> to detect each file's kind from its header row.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public PublicityDataKind? Kind { get; init; }

    /// <summary>
    /// The day the export was retrieved, written as every profile's <c>creditCheckedOn</c>; <see langword="null"/>
    /// for none (decisions then warn that the records' retrieval day is unknown).
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LocalDate? CheckedOn { get; init; }

    /// <summary>How penalty categories and fine amounts become a record's severity (a rule set's <c>PenaltySeverity</c>).</summary>
    /// <value>The default value is <see cref="PenaltySeverityTable.Default"/>.</value>
    public PenaltySeverityTable SeverityTable { get; init; } = PenaltySeverityTable.Default;

    /// <summary>The encoding of CSV files without a byte-order mark (UTF-8 or GB18030); XLSX files carry their own.</summary>
    /// <value>The default value is <see langword="null"/> (UTF-8).</value>
    public Encoding? Encoding { get; init; }

    /// <summary>The language of the errors' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</summary>
    /// <value>The default value is <see langword="null"/> (English).</value>
    public CultureInfo? Culture { get; init; }

    /// <summary>The largest file read, in bytes; a larger one is one located error.</summary>
    /// <value>The default value is 268,435,456 (256 MiB).</value>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// The most bytes an XLSX workbook's parts (its worksheet and shared strings) may give uncompressed: a small
    /// file can unpack to gigabytes (a "zip bomb"); past the limit the file is one located error and its rows read so far are kept.
    /// </summary>
    /// <value>The default value is 268,435,456 (256 MiB), as <see cref="MaxFileBytes"/>.</value>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most rows read from an XLSX worksheet; past it the file is one located error and its rows read so far are kept.</summary>
    /// <value>The default value is 1,048,576, a worksheet's last row.</value>
    public int MaxRows { get; init; } = 1_048_576;
}
