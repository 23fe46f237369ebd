using System.Collections.Immutable;

namespace CreditPolicy.Import;

/// <summary>
/// The outcome of importing exports: one profile per subject, in the order of each subject's first row, and
/// every row that could not be imported, located. A bad row never costs the others (contract v2: nothing valid is lost).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportResult
{
    internal ImportResult(ImmutableArray<Profiles.CreditProfile> profiles, ImmutableArray<ImportError> errors, ImmutableArray<ImportedFile> files, ImmutableArray<ImportError> warnings)
    {
        Profiles = profiles;
        Errors = errors;
        Files = files;
        Warnings = warnings;
    }

    /// <summary>One profile per subject, in the order of the subject's first row across the files.</summary>
    public ImmutableArray<Profiles.CreditProfile> Profiles { get; }

    /// <summary>Every problem found, by file, then row.</summary>
    public ImmutableArray<ImportError> Errors { get; }

    /// <summary>Each file read, in the order given.</summary>
    public ImmutableArray<ImportedFile> Files { get; }

    /// <summary>
    /// What was read but may not be what the user meant, by file: worksheets not read (only the first visible one
    /// is), CSV rows with more or fewer fields than the header. Not errors: <see cref="Succeeded"/> ignores them.
    /// </summary>
    public ImmutableArray<ImportError> Warnings { get; }

    /// <summary>Whether every row was imported.</summary>
    public bool Succeeded => Errors.IsEmpty;
}
