using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using CreditPolicy.WindowService.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CreditPolicy.WindowService;

/// <summary>
/// The body read for <c>/evaluate</c> and <c>/letters</c>: UTF-8 (or GB18030 when <c>Content-Type</c> says
/// <c>charset=gb18030</c>), at most <see cref="WindowServiceOptions.MaxRequestBodyBytes"/> bytes and
/// <see cref="WindowServiceOptions.MaxProfiles"/> profiles, profile by profile in the configured language. Every
/// subject that can be read goes into the audit row, masked — also of a profile rejected for an error elsewhere in it.
/// </summary>
internal sealed class RequestBody
{
    private RequestBody(List<ProfileLine> lines, IResult? problem)
    {
        Lines = lines;
        Problem = problem;
    }

    /// <summary>The profiles read, in input order (none when <see cref="Problem"/> is about the body as a whole).</summary>
    internal List<ProfileLine> Lines { get; }

    /// <summary>A problem with the body as a whole (too large, too many profiles, not UTF-8), to answer with; the audit outcome is set.</summary>
    internal IResult? Problem { get; }

    internal static async Task<RequestBody> ReadAsync(HttpContext context, ICreditPolicyEvaluator policy, WindowServiceOptions options, AuditEntry audit)
    {
        var zh = policy.Current.Culture is not null;
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            audit.Outcome = "rejected: body too large";
            return new RequestBody([], Problems.BadRequest("The body is too large", "$", Texts.BodyTooLarge(zh, options.MaxRequestBodyBytes), StatusCodes.Status413PayloadTooLarge));
        }

        IResult? problem = null;
        var charset = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ? type.Charset.Value?.Trim('"') : null;
        if (charset is not null && InputEncodings.FromName(charset) is null)
        {
            audit.Outcome = "rejected: charset not supported";
            return new RequestBody([], Problems.BadRequest("The body's charset is not supported", "$", Texts.UnknownCharset(zh, charset), StatusCodes.Status415UnsupportedMediaType));
        }
        else if (charset is not null && !InputEncodings.IsUtf8(InputEncodings.FromName(charset)))
        {
            try
            {
                bytes = InputEncodings.ToUtf8(bytes, InputEncodings.FromName(charset));
            }
            catch (DecoderFallbackException)
            {
                audit.Outcome = "rejected: body not valid GB18030";
                problem = Problems.BadRequest("The request has input errors", "$", Texts.NotGb18030(zh));
            }
        }
        else if (InvalidUtf8At(bytes) is var bad and >= 0)
        {
            audit.Outcome = "rejected: body not valid UTF-8";
            problem = Problems.BadRequest("The request has input errors", "$", Texts.NotUtf8(zh, InputEncodings.LineOf(bytes, bad), bad));
        }

        var lines = new List<ProfileLine>();
        foreach (var line in policy.ReadProfiles(new MemoryStream(bytes, writable: false)))
        {
            if (lines.Count == options.MaxProfiles)
            {
                audit.Subjects.AddRange(Subjects(bytes, lines));
                audit.Outcome = "rejected: too many profiles";
                return new RequestBody([], Problems.BadRequest("The body holds too many profiles", "$", Texts.TooManyProfiles(zh, options.MaxProfiles), StatusCodes.Status413PayloadTooLarge));
            }

            lines.Add(line);
        }

        audit.Subjects.AddRange(Subjects(bytes, lines));
        return new RequestBody(problem is null ? lines : [], problem);
    }

    /// <summary>The byte offset of the first byte that is not UTF-8, or -1.</summary>
    private static int InvalidUtf8At(byte[] bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The subjects of <paramref name="lines"/>, masked, in input order: a profile read whole gives its subject; one
    /// with errors gives its subject when the <c>subject</c> object alone can be read (else nothing: an unreadable
    /// subject names no one).
    /// </summary>
    private static IEnumerable<string> Subjects(byte[] bytes, List<ProfileLine> lines)
    {
        int[]? starts = null;
        foreach (var line in lines)
        {
            if (line.Profile is { } profile)
            {
                yield return Kept(profile.Subject.Identifier.Mask());
                continue;
            }

            starts ??= LineStarts(bytes);
            if (line.Line >= 1 && line.Line <= starts.Length && SubjectOf(bytes.AsSpan(starts[line.Line - 1])) is { } subject)
            {
                yield return Kept(subject);
            }
        }

        static string Kept(string masked) => AuditEntry.Stored(masked, 64);
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>The masked id of the subject of the JSON value starting at <paramref name="json"/>, when its <c>subject</c> can be read alone.</summary>
    private static string? SubjectOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("subject", out var subject))
            {
                return null;
            }

            var alone = ProfileJson.Read("{\"subject\":" + subject.GetRawText() + "}");
            return alone.Value?.Subject.Identifier.Mask();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null; // not JSON: it names no one
        }
    }
}
