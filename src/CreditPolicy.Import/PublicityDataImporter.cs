using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Serialization;

namespace CreditPolicy.Import;

/// <summary>
/// Reads the national 双公示 exports — administrative penalties (行政处罚) and administrative licences (行政许可),
/// CSV or XLSX, with the column names of the data standard of the National Public Credit Information Center —
/// into the contract's profiles: one per subject, its penalties and licences as credit records (R2).
/// </summary>
/// <remarks>
/// Rows of the same subject (the same certificate number), in any of the files, make one profile, in the
/// order of the subject's first row. A row that cannot be mapped is reported with its file, row and column,
/// and the others are still imported. docs/import.md gives the mapping. Thread-safe.
/// </remarks>
public static class PublicityDataImporter
{
    /// <summary>Reads one export.</summary>
    /// <param name="content">The file's bytes: CSV (UTF-8, with or without a byte-order mark, or <see cref="ImportOptions.Encoding"/>) or XLSX.</param>
    /// <param name="fileName">The name errors are reported under.</param>
    /// <param name="options">How to read; <see cref="ImportOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ImportResult Read(Stream content, string fileName, ImportOptions? options = null) =>
        ReadAll([(fileName, content)], options);

    /// <summary>Reads several exports, penalties and licences alike, into one profile per subject.</summary>
    /// <param name="files">Each file's name (for errors) and bytes, in the order the profiles follow.</param>
    /// <param name="options">How to read; <see cref="ImportOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="IOException">A stream cannot be read.</exception>
    public static ImportResult ReadAll(IEnumerable<(string FileName, Stream Content)> files, ImportOptions? options = null)
    {
        Guard.Against.Null(files);
        options ??= ImportOptions.Default;
        var zh = ImportMessages.IsChinese(options.Culture);
        var errors = new List<ImportError>();
        var rows = new List<MappedRow>();
        var warnings = new List<ImportError>();
        var summaries = ImmutableArray.CreateBuilder<ImportedFile>();
        foreach (var (name, content) in files)
        {
            Guard.Against.NullOrEmpty(name);
            Guard.Against.Null(content);
            summaries.Add(ReadFile(name, content, options, zh, errors, warnings, rows));
        }

        var profiles = Group(rows, options, zh, errors);
        var ordered = errors.Select((e, i) => (e, i)).OrderBy(p => FileOrder(summaries, p.e.File)).ThenBy(p => p.e.Row).ThenBy(p => p.i).Select(p => p.e);
        var rejected = errors.GroupBy(e => e.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Where(e => e.Row > 1).Select(e => e.Row).Distinct().Count(), StringComparer.Ordinal);
        var files2 = summaries.Select(f => new ImportedFile(f.Name, f.Kind, f.KindDetected, f.Rows, rejected.GetValueOrDefault(f.Name))).ToImmutableArray();
        return new ImportResult(profiles, [.. ordered], files2, [.. warnings]);
    }

    private static int FileOrder(ImmutableArray<ImportedFile>.Builder files, string name)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (string.Equals(files[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return files.Count;
    }

    /// <summary>The longest cell read, in characters (a spreadsheet's own limit); a longer one is a located error.</summary>
    internal const int MaxCellChars = 32_767;

    private static ImportedFile ReadFile(string name, Stream content, ImportOptions options, bool zh, List<ImportError> errors, List<ImportError> warnings, List<MappedRow> into)
    {
        var bytes = ReadBytes(content, options.MaxFileBytes);
        if (bytes is null)
        {
            errors.Add(new ImportError(name, 0, null, ImportMessages.Get(zh, "file.too-large", options.MaxFileBytes)));
            return new ImportedFile(name, options.Kind, false, 0, 0);
        }

        var (source, failedRow, problem) = SheetReaders.Read(bytes, options, zh);
        if (source is null)
        {
            errors.Add(new ImportError(name, failedRow, null, problem!));
            return new ImportedFile(name, options.Kind, false, 0, 0);
        }

        warnings.AddRange(source.Warnings.Select(w => new ImportError(name, 0, null, w)));
        SheetRow? header = null;
        PublicityDataKind? kind = null;
        RowMapper? mapper = null;
        var count = 0;
        var last = 0;
        using var rows = source.Rows.GetEnumerator();
        while (true)
        {
            SheetRow row;
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }

                row = rows.Current;
            }
            catch (Exception ex) when (SheetReaders.IsBrokenPackage(ex))
            {
                errors.Add(new ImportError(name, last + 1, null, ex is ReadLimitException limit ? limit.Text(zh) : ImportMessages.Get(zh, "file.xlsx")));
                break;
            }

            last = row.Number;
            if (row.Problem is not null)
            {
                if (header is not null)
                {
                    count++;
                }

                errors.Add(new ImportError(name, row.Number, row.ProblemColumn < 0 ? null : ColumnLabel(header, row.ProblemColumn), row.Problem));
                if (row.Fatal)
                {
                    break;
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (header is null)
            {
                header = row;
                if (TooLong(row, null, name, zh, errors))
                {
                    return new ImportedFile(name, options.Kind, false, 0, 0);
                }

                kind = options.Kind ?? Detect(header, name, zh, errors);
                if (kind is not { } detected)
                {
                    TitleRowHint(header, name, zh, errors);
                    return new ImportedFile(name, null, true, 0, 0);
                }

                var columns = StandardColumns.Locate(header.Cells, detected);
                var missing = StandardColumns.Required[detected].Where(c => !columns.ContainsKey(c)).ToArray();
                if (missing.Length > 0)
                {
                    errors.AddRange(missing.Select(c => new ImportError(name, header.Number, StandardColumns.NameOf(detected, c), ImportMessages.Get(zh, "file.column-missing"))));
                    TitleRowHint(header, name, zh, errors);

                    return new ImportedFile(name, detected, options.Kind is null, 0, 0);
                }

                mapper = new RowMapper(name, detected, header.Cells, columns, options, errors, source.Date1904);
                continue;
            }

            count++;
            if (source.IsCsv && row.Cells.Length != header.Cells.Length)
            {
                warnings.Add(new ImportError(name, row.Number, null, ImportMessages.Get(zh, "file.ragged", row.Cells.Length, header.Cells.Length)));
            }

            if (TooLong(row, header, name, zh, errors))
            {
                continue;
            }

            if (mapper!.Map(row) is { } mapped)
            {
                into.Add(mapped);
            }
        }

        if (header is null)
        {
            if (!errors.Exists(e => string.Equals(e.File, name, StringComparison.Ordinal)))
            {
                errors.Add(new ImportError(name, 1, null, ImportMessages.Get(zh, "file.no-header")));
            }

            return new ImportedFile(name, options.Kind, false, 0, 0);
        }

        return new ImportedFile(name, kind, options.Kind is null, count, 0);
    }

    /// <summary>A hint when the first row has one cell, as a title above the header has.</summary>
    private static void TitleRowHint(SheetRow header, string name, bool zh, List<ImportError> errors)
    {
        if (header.Cells.Count(c => c.Length > 0) == 1)
        {
            errors.Add(new ImportError(name, header.Number, null, ImportMessages.Get(zh, "file.title-row")));
        }
    }

    /// <summary>Whether a cell of <paramref name="row"/> is longer than <see cref="MaxCellChars"/> (each reported).</summary>
    private static bool TooLong(SheetRow row, SheetRow? header, string name, bool zh, List<ImportError> errors)
    {
        var found = false;
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (row.Cells[i].Length > MaxCellChars)
            {
                errors.Add(new ImportError(name, row.Number, ColumnLabel(header, i), ImportMessages.Get(zh, "cell.too-long", MaxCellChars)));
                found = true;
            }
        }

        return found;
    }

    /// <summary>The column as the header names it, else as a spreadsheet does (A, B, …).</summary>
    private static string ColumnLabel(SheetRow? header, int index)
    {
        if (header is not null && index < header.Cells.Length && header.Cells[index].Length > 0)
        {
            return header.Cells[index];
        }

        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The kind whose decision-number column the header has; an error when it has both or neither.</summary>
    private static PublicityDataKind? Detect(SheetRow header, string name, bool zh, List<ImportError> errors)
    {
        var names = header.Cells.Select(StandardColumns.Normalize).ToHashSet(StringComparer.Ordinal);
        var penalty = names.Contains(StandardColumns.Marker(PublicityDataKind.Penalty));
        var license = names.Contains(StandardColumns.Marker(PublicityDataKind.License));
        if (penalty != license)
        {
            return penalty ? PublicityDataKind.Penalty : PublicityDataKind.License;
        }

        errors.Add(new ImportError(name, header.Number, null, ImportMessages.Get(zh, penalty ? "file.kind-both" : "file.kind-unknown")));
        return null;
    }

    /// <summary>
    /// One profile per subject key, in the order of first appearance. A row naming a known subject differently
    /// (name or kind) is rejected; a decision number seen before for the subject merges when the record is the
    /// same and is rejected when it differs.
    /// </summary>
    private static ImmutableArray<CreditProfile> Group(List<MappedRow> rows, ImportOptions options, bool zh, List<ImportError> errors)
    {
        // Each subject's records also by decision number, so that a row is checked against the earlier ones in constant time.
        var subjects = new Dictionary<string, (MappedRow First, List<MappedRow> Records, Dictionary<string, MappedRow> ById)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            if (!subjects.TryGetValue(row.SubjectKey, out var entry))
            {
                subjects.Add(row.SubjectKey, (row, [row], new Dictionary<string, MappedRow>(StringComparer.Ordinal) { [row.Record.Id] = row }));
                order.Add(row.SubjectKey);
                continue;
            }

            var first = entry.First;
            if (!string.Equals(first.Subject.Name, row.Subject.Name, StringComparison.Ordinal))
            {
                errors.Add(new ImportError(row.File, row.Row, row.ColumnName(Column.Name), ImportMessages.Get(zh, "group.name", first.Row, first.File)));
            }
            else if (first.Subject.Kind != row.Subject.Kind)
            {
                errors.Add(new ImportError(row.File, row.Row, row.ColumnName(Column.SubjectClass), ImportMessages.Get(zh, "group.kind", ImportMessages.Get(zh, "kind." + Subjects.SubjectKindExtensions.ContractName(row.Subject.Kind)), ImportMessages.Get(zh, "kind." + Subjects.SubjectKindExtensions.ContractName(first.Subject.Kind)), first.Row, first.File)));
            }
            else if (entry.ById.TryGetValue(row.Record.Id, out var earlier))
            {
                if (!Same(earlier.Record, row.Record))
                {
                    errors.Add(new ImportError(row.File, row.Row, row.ColumnName(Column.DecisionNumber), ImportMessages.Get(zh, "group.record", earlier.Row, earlier.File)));
                }
            }
            else
            {
                entry.Records.Add(row);
                entry.ById.Add(row.Record.Id, row);
            }
        }

        var profiles = ImmutableArray.CreateBuilder<CreditProfile>(order.Count);
        foreach (var (first, records, _) in order.Select(key => subjects[key]))
        {
            var profile = new CreditProfile(first.Subject, records.Select(r => r.Record), creditCheckedOn: options.CheckedOn);
            if (TooLarge(profile))
            {
                errors.Add(new ImportError(first.File, first.Row, null, ImportMessages.Get(zh, "group.too-large", records.Count, MaxProfileBytes)));
                continue;
            }

            profiles.Add(profile);
        }

        return profiles.ToImmutable();
    }

    /// <summary>The most bytes a profile may have, as <c>evaluate</c> reads it (<see cref="ProfileReadOptions.MaxProfileBytes"/>).</summary>
    private static readonly long MaxProfileBytes = ProfileReadOptions.Default.MaxProfileBytes;

    /// <summary>
    /// Whether the profile, written as JSON, would be larger than <c>evaluate</c> reads: estimated from its
    /// texts first (at most 3 bytes a character, and some for each record's names), written only when it may be.
    /// </summary>
    private static bool TooLarge(CreditProfile profile)
    {
        long estimate = (profile.Subject.Name.Length * 6L) + 256;
        foreach (var record in profile.Records)
        {
            estimate += 256 + (6L * (record.Id.Length + (record.Authority?.Length ?? 0)));
        }

        if (estimate <= MaxProfileBytes)
        {
            return false;
        }

        var written = ProfileJson.Write(profile, ProfileWriteOptions.Default with { RevealPersonalIdentifiers = true });
        return System.Text.Encoding.UTF8.GetByteCount(written) > MaxProfileBytes;
    }

    private static bool Same(CreditRecord a, CreditRecord b) =>
        a.Category == b.Category && a.StatedSeverity == b.StatedSeverity && a.DecidedOn == b.DecidedOn && a.PublicUntil == b.PublicUntil
        && string.Equals(a.Authority, b.Authority, StringComparison.Ordinal);

    private static byte[]? ReadBytes(Stream content, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
