using System;
using System.Linq;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CreditPolicy.WindowService.Audit;

/// <summary>
/// Every request to <c>/evaluate</c> and <c>/letters</c> leaves exactly one audit row, whatever its outcome, written
/// before the answer goes out: by <see cref="AuditFilter"/> for an endpoint's answer, here for a refusal before the
/// endpoint, and when the response starts for anything else. A request that does not say who asks (<c>X-Caller</c>),
/// from which window or role (<c>X-Window</c>, R5) and why (<c>X-Purpose</c>, R8), in printable ASCII codes of at
/// most 64 characters, is refused with 400, and audited too (the values masked, escaped and cut). A row that cannot
/// be written means no answer but 503 (fail closed).
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, IClock clock, ICreditPolicyEvaluator policy, IOptions<WindowServiceOptions> options, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/evaluate", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/letters", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxRequestBodyBytes;
        }

        var entry = new AuditEntry(context.Request, clock.GetCurrentInstant());
        var snapshot = policy.Current;
        var zh = snapshot.Culture is not null;
        entry.RuleSet(snapshot); // the rule set in force when the request came; an endpoint names the one it used
        context.Features.Set(entry);
        context.Response.OnStarting(async () =>
        {
            // The fallback, for an answer no endpoint gave (e.g. a route that does not exist): headers can still change.
            if (!entry.Attempted && !await trail.CommitAsync(entry, context.Response.StatusCode))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        try
        {
            if (entry.HeaderProblems.Count > 0)
            {
                entry.Outcome = entry.HeaderProblems.All(p => p.Problem == HeaderProblem.Missing)
                    ? "refused: who asks, from which window and why not stated"
                    : "refused: " + string.Join(", ", entry.HeaderProblems.Where(p => p.Problem != HeaderProblem.Missing).Select(p => p.Header)) + " not a printable ASCII code of at most 64 characters";
                var refusal = Problems.RequestErrors(
                    "Say who asks, from which window and why (R5, R8)",
                    entry.HeaderProblems.Select(p => (p.Header, Texts.Header(zh, p.Header, p.Problem, p.Length))));
                await AnswerAsync(context, entry, StatusCodes.Status400BadRequest, refusal, zh);
                return;
            }

            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals (a body over the limit read elsewhere, a malformed body): a problem, not a 500.
            entry.Outcome ??= $"rejected: {ex.StatusCode}";
            SampleLog.BadRequest(logger, entry.Method, entry.Path, ex.StatusCode, Subjects.PersonalIds.ForOutput(ex.Message));
            await AnswerAsync(context, entry, ex.StatusCode, Problems.BadRequest("The request cannot be read", "$", Subjects.PersonalIds.ForOutput(ex.Message), ex.StatusCode), zh);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            entry.Outcome ??= "failed";
            if (!await trail.CommitAsync(entry, StatusCodes.Status500InternalServerError))
            {
                await Problems.AuditUnavailable(context, zh).ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            if (!entry.Attempted)
            {
                await trail.CommitAsync(entry, context.Response.StatusCode);
            }
        }
    }

    /// <summary>Writes the audit row, then <paramref name="answer"/>; or, when the row cannot be written, 503 instead.</summary>
    private async Task AnswerAsync(HttpContext context, AuditEntry entry, int status, IResult answer, bool zh)
    {
        if (!await trail.CommitAsync(entry, status))
        {
            answer = Problems.AuditUnavailable(context, zh);
        }

        await answer.ExecuteAsync(context);
    }
}

/// <summary>
/// Writes the audit row of an endpoint's answer before the answer goes out, with the answer's status; when the row
/// cannot be written, the answer is dropped for 503 (no decision, no letter without an audit row).
/// </summary>
internal sealed class AuditFilter(AuditTrail trail) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var http = context.HttpContext;
        var entry = http.Features.GetRequiredFeature<AuditEntry>();
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        if (await trail.CommitAsync(entry, status))
        {
            return result;
        }

        var zh = http.RequestServices.GetService(typeof(ICreditPolicyEvaluator)) is ICreditPolicyEvaluator policy && policy.Current.Culture is not null;
        return Problems.AuditUnavailable(http, zh);
    }
}
