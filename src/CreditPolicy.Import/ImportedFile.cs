namespace CreditPolicy.Import;

/// <summary>What the importer made of one file: its kind and how many of its rows it took.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportedFile
{
    internal ImportedFile(string name, PublicityDataKind? kind, bool kindDetected, int rows, int rejectedRows)
    {
        Name = name;
        Kind = kind;
        KindDetected = kindDetected;
        Rows = rows;
        RejectedRows = rejectedRows;
    }

    /// <summary>The file's name as given to the importer.</summary>
    public string Name { get; }

    /// <summary>The file's kind; <see langword="null"/> when it could not be told (an error says why).</summary>
    public PublicityDataKind? Kind { get; }

    /// <summary>Whether the kind was detected from the header row rather than given in the options.</summary>
    public bool KindDetected { get; }

    /// <summary>The data rows read (not the header, not blank rows).</summary>
    public int Rows { get; }

    /// <summary>The data rows that could not be imported (each has at least one error).</summary>
    public int RejectedRows { get; }
}
