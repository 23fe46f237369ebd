using System.Collections.Generic;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace CreditPolicy.WindowService;

/// <summary>
/// The service's problem details (RFC 9457): located input errors (400), a rule set not in force (422, R9), a purpose
/// that does not permit unmasking (403), a body too large (413), an audit trail that cannot be written (503).
/// </summary>
internal static class Problems
{
    /// <summary>Seconds a client should wait before asking again when the audit trail is busy.</summary>
    internal const int RetryAfterSeconds = 5;

    /// <summary>400 with <c>errors</c>: each located input error, with its line, JSON path and message.</summary>
    internal static IResult InputErrors(string title, IEnumerable<InputError> errors) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new Dictionary<string, object?>
                {
                    ["line"] = e.Line,
                    ["path"] = e.Path is null ? null : PersonalIds.Redact(e.Path),
                    ["message"] = PersonalIds.ForOutput(e.Message),
                    ["text"] = e.ToString(),
                }).ToArray(),
            });

    /// <summary>
    /// A request that is wrong in itself (a query parameter, a header, the body as a whole), not in a profile: one
    /// error at <paramref name="path"/>, with no line (<c>text</c> is <c>PATH: MESSAGE</c>).
    /// </summary>
    internal static IResult BadRequest(string title, string path, string message, int status = StatusCodes.Status400BadRequest) =>
        RequestErrors(title, [(path, message)], status);

    /// <summary>Several errors of the request itself, each at its path (a query parameter, a header, <c>$</c> for the body).</summary>
    internal static IResult RequestErrors(string title, IEnumerable<(string Path, string Message)> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new Dictionary<string, object?>
                {
                    ["line"] = null,
                    ["path"] = e.Path,
                    ["message"] = PersonalIds.ForOutput(e.Message),
                    ["text"] = $"{e.Path}: {PersonalIds.ForOutput(e.Message)}",
                }).ToArray(),
            });

    /// <summary>422: the rule set in force does not apply on the day asked (R9).</summary>
    internal static IResult NotInForce(RuleSetNotInForceException ex) =>
        Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The rule set is not in force on that day (R9)",
            detail: ex.Reason,
            extensions: new Dictionary<string, object?>
            {
                ["ruleSetId"] = PersonalIds.ForOutput(ex.RuleSetId),
                ["effectiveFrom"] = LocalDatePattern.Iso.Format(ex.EffectiveFrom),
                ["asOf"] = LocalDatePattern.Iso.Format(ex.AsOf),
            });

    /// <summary>403: the stated purpose does not permit showing a personal id whole (R8, C5).</summary>
    internal static IResult UnmaskRefused(string? purpose) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "The stated purpose does not permit unmasking (R8, C5)",
            detail: $"Purpose '{PersonalIds.ForOutput(purpose ?? string.Empty)}' may see personal ids masked only; the whole id is shown only for a purpose the service lists in WindowService:UnmaskPurposes (the letter the subject signs, C3).");

    /// <summary>503 with <c>Retry-After</c>: the audit row could not be written, so no answer is given (fail closed, R5).</summary>
    internal static IResult AuditUnavailable(HttpContext context, bool zh)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The audit trail cannot be written now",
            detail: Texts.AuditUnavailable(zh));
    }
}
