using System.Collections.Immutable;

namespace CreditPolicy.Import;

/// <summary>
/// The outcome of importing exports: one profile per subject, in the order of each subject's first row, and
/// every row that could not be imported, located. A bad row never costs the others (contract v2: nothing valid is lost).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportResult
{
    internal ImportResult(ImmutableArray<Profiles.CreditProfile> profiles, ImmutableArray<ImportError> errors, ImmutableArray<ImportedFile> files)
    {
        Profiles = profiles;
        Errors = errors;
        Files = files;
    }

    /// <summary>One profile per subject, in the order of the subject's first row across the files.</summary>
    public ImmutableArray<Profiles.CreditProfile> Profiles { get; }

    /// <summary>Every problem found, by file, then row.</summary>
    public ImmutableArray<ImportError> Errors { get; }

    /// <summary>Each file read, in the order given.</summary>
    public ImmutableArray<ImportedFile> Files { get; }

    /// <summary>Whether every row was imported.</summary>
    public bool Succeeded => Errors.IsEmpty;
}
