using System;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CreditPolicy.WindowService.Audit;

/// <summary>
/// Every request to <c>/evaluate</c> and <c>/letters</c> leaves exactly one audit row, whatever its outcome: the row
/// is written when the response starts (so it exists before the caller sees the answer), or when the request ends if
/// the response never started. A request that does not say who asks (<c>X-Caller</c>), from which window or role
/// (<c>X-Window</c>, R5) and why (<c>X-Purpose</c>, R8) is refused with 400, and audited too.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, IClock clock, IProblemDetailsService problems, ICreditPolicyEvaluator policy)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/evaluate", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/letters", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var entry = new AuditEntry(context.Request, clock.GetCurrentInstant());
        entry.RuleSet(policy.Current); // the rule set in force when the request came; an endpoint names the one it used
        context.Features.Set(entry);
        var written = 0;
        Task Write()
        {
            return Interlocked.Exchange(ref written, 1) == 0 ? trail.WriteAsync(entry, context.Response.StatusCode) : Task.CompletedTask;
        }

        context.Response.OnStarting(Write);
        try
        {
            if (entry.Caller is null || entry.Window is null || entry.Purpose is null)
            {
                entry.Outcome = "refused: who asks, from which window and why not stated";
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "Say who asks, from which window and why (R5, R8)",
                        Detail = $"Credit information is queried according to duty and rules: send {AuditEntry.CallerHeader}, {AuditEntry.WindowHeader} and {AuditEntry.PurposeHeader} (ASCII codes); every request is audited.",
                    },
                });
                return;
            }

            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            entry.Outcome ??= "failed";
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await Write();
            throw;
        }
        finally
        {
            await Write();
        }
    }
}
