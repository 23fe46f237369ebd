using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CreditPolicy.Serialization;

/// <summary>
/// The reader toolkit's way into a JSON file read whole (a rule file, a registry of agencies, a publicity
/// policy): a byte-order mark skipped, invalid UTF-8 and lone surrogate escapes located before parsing,
/// the document parsed with comments and trailing commas allowed, and a map from JSON path to line for
/// locating every later problem. Every failure is one located <see cref="InputError"/>.
/// </summary>
internal sealed class LocatedDocument : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private LocatedDocument(JsonDocument document, JsonLineMap lines)
    {
        Document = document;
        Lines = lines;
    }

    /// <summary>The parsed document.</summary>
    internal JsonDocument Document { get; }

    /// <summary>JSON path to line.</summary>
    internal JsonLineMap Lines { get; }

    /// <summary>The root element.</summary>
    internal JsonElement Root => Document.RootElement;

    /// <summary>Parses <paramref name="utf8"/>; on failure adds the one problem to <paramref name="errors"/> (with <paramref name="file"/>, in Chinese when <paramref name="zh"/>) and returns <see langword="null"/>.</summary>
    internal static LocatedDocument? Open(ReadOnlyMemory<byte> utf8, string? file, List<InputError> errors, bool zh = false)
    {
        utf8 = utf8.Span.StartsWith(Utf8Input.Bom) ? utf8[Utf8Input.Bom.Length..] : utf8; // accepted everywhere (contract v2)
        var span = utf8.Span;
        if (Utf8Input.FirstInvalid(span) is >= 0 and var invalid)
        {
            // UTF-16 (a byte-order mark FF FE or FE FF, or a zero byte beside every ASCII character) is not GBK: say which.
            var utf16 = span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span[..Math.Min(span.Length, 64)].Contains((byte)0);
            errors.Add(new InputError(null, LineAt(span, invalid), Messages.Get(zh, utf16 ? "read.utf16-file" : "read.not-utf8-file")) { File = file });
            return null;
        }

        if (Utf8Input.FirstLoneSurrogateEscape(span) is >= 0 and var lone)
        {
            errors.Add(new InputError(null, LineAt(span, lone), Messages.Get(zh, "read.lone-surrogate-file")) { File = file });
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(utf8, DocumentOptions);
            return new LocatedDocument(document, new JsonLineMap(span, ReaderOptions));
        }
        catch (JsonException ex)
        {
            var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            errors.Add(new InputError(null, (int)(ex.LineNumber ?? 0) + 1, Messages.Get(zh, "read.invalid-json", ForeignMessages.Translate(cut > 0 ? ex.Message[..cut] : ex.Message, zh))) { File = file });
            return null;
        }
    }

    /// <summary>The line of the value at <paramref name="path"/>.</summary>
    internal int LineOf(string path) => Lines.LineOf(path);

    /// <inheritdoc />
    public void Dispose() => Document.Dispose();

    private static int LineAt(ReadOnlySpan<byte> utf8, int index) => 1 + utf8[..index].Count((byte)'\n');
}
