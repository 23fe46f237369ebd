using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CreditPolicy.Reports;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads a registry of filed credit service agencies (R3): a JSON array of
/// <c>{ "name", "filingNumber" }</c>, as the contract's <c>--agencies FILE</c> takes it.
/// </summary>
public static class AgencyRegistryJson
{
    private static readonly Fields AgencyFields = new(["name", "filingNumber"], []);

    /// <summary>The fields of an agency, so that a test can hold schemas/agencies.schema.json and the reader together.</summary>
    internal static Fields Fields => AgencyFields;

    /// <summary>Reads a registry (UTF-8, with or without a byte-order mark): the registry, or every problem with its path and line.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="fileName">The file's name, for the problems; <see langword="null"/> when it has none.</param>
    /// <param name="culture">The language of the problems' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    public static ReadResult<FiledAgencyRegistry> Read(ReadOnlyMemory<byte> utf8Json, string? fileName = null, CultureInfo? culture = null)
    {
        var reader = new ElementReader(fileName, Messages.IsChinese(culture));
        using var document = reader.Open(utf8Json);
        var registry = document is null ? null : Read(document.Root, "$", reader);
        return new(registry, reader.Sorted());
    }

    /// <summary>Reads a registry from a parsed array (a file's, or a rule file's <c>filedAgencies</c>), each problem located by <paramref name="reader"/>.</summary>
    internal static FiledAgencyRegistry? Read(JsonElement array, string path, ElementReader reader)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.Error(path, null, Messages.Get(reader.Chinese, "agency.expected-array"));
            return null;
        }

        var agencies = new List<CreditServiceAgency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = reader.Errors.Count;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (reader.ObjectFields(item, itemPath, AgencyFields, null) is not { } fields)
            {
                continue;
            }

            var name = reader.RequireString(fields, "name", itemPath, null);
            var filing = reader.RequireString(fields, "filingNumber", itemPath, null);
            if (name is null || filing is null)
            {
                continue;
            }

            if (seen.Add(filing))
            {
                agencies.Add(new CreditServiceAgency(name, filing));
            }
            else
            {
                reader.Error($"{itemPath}.filingNumber", null, Messages.Get(reader.Chinese, "agency.filing-twice", filing));
            }
        }

        return reader.Errors.Count == errors ? new FiledAgencyRegistry(agencies) : null;
    }
}
