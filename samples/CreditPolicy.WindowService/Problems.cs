using System.Collections.Generic;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace CreditPolicy.WindowService;

/// <summary>The service's problem details (RFC 9457): located input errors (400), a rule set not in force (422, R9), a purpose that does not permit unmasking (403).</summary>
internal static class Problems
{
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

    /// <summary>400 for a request that is wrong in itself (not in a profile): one error, at <paramref name="path"/>.</summary>
    internal static IResult BadRequest(string title, string path, string message) =>
        InputErrors(title, [new InputError(path, 0, message)]);

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
}
