using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads a registry of filed credit service agencies (R3): a JSON array of
/// <c>{ "name", "filingNumber" }</c>, as the contract's <c>--agencies FILE</c> takes it.
/// </summary>
public static class AgencyRegistryJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a registry (UTF-8, with or without a byte-order mark); on failure returns every problem with its path and line.</summary>
    public static FiledAgencyRegistry? Read(ReadOnlySpan<byte> utf8Json, out ImmutableArray<InputError> errors)
    {
        var problems = ImmutableArray.CreateBuilder<InputError>();
        utf8Json = Utf8Input.SkipBom(utf8Json);
        if (Utf8Input.FirstInvalid(utf8Json) is >= 0 and var invalid)
        {
            errors = [new InputError("$", 1 + utf8Json[..invalid].Count((byte)'\n'), "The file is not valid UTF-8: it may be in GBK/GB18030 (read it with --encoding gb18030).")];
            return null;
        }

        if (Utf8Input.FirstLoneSurrogateEscape(utf8Json) is >= 0 and var lone)
        {
            errors = [new InputError("$", 1 + utf8Json[..lone].Count((byte)'\n'), "A string holds a lone surrogate escape (such as \\ud800), which is no Unicode text.")];
            return null;
        }

        JsonDocument document;
        JsonLineMap lines;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            lines = new JsonLineMap(utf8Json, ReaderOptions);
        }
        catch (JsonException ex)
        {
            var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            errors = [new InputError("$", (int)(ex.LineNumber ?? 0) + 1, "Invalid JSON: " + (cut > 0 ? ex.Message[..cut] : ex.Message))];
            return null;
        }

        using (document)
        {
            var registry = Read(document.RootElement, "$", (path, message) => problems.Add(new InputError(path, lines.LineOf(path), PersonalIds.ForMessage(message))));
            errors = problems.ToImmutable();
            return errors.IsEmpty ? registry : null;
        }
    }

    /// <summary>Reads a registry from a parsed array, reporting each problem with its JSON path.</summary>
    internal static FiledAgencyRegistry? Read(JsonElement array, string path, Action<string, string> report)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            report(path, "Expected an array of { \"name\", \"filingNumber\" }.");
            return null;
        }

        var agencies = new List<CreditServiceAgency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            string? Field(string name)
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    return value.GetString();
                }

                report($"{itemPath}.{name}", $"Missing required field '{name}' (a non-empty string).");
                return null;
            }

            var name = Field("name");
            var filing = Field("filingNumber");
            if (name is null || filing is null)
            {
                ok = false;
            }
            else if (seen.Add(filing))
            {
                agencies.Add(new CreditServiceAgency(name, filing));
            }
            else
            {
                ok = false;
                report($"{itemPath}.filingNumber", $"Filing number '{filing}' is listed twice.");
            }
        }

        return ok ? new FiledAgencyRegistry(agencies) : null;
    }
}
