using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CreditPolicy.Output;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreditPolicy.WindowService;

/// <summary>Writes <c>/health</c> as JSON: the status, and for each check its status, description and data (the rule set in force; after a failed reload, its problems).</summary>
internal static class HealthResponse
{
    internal static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, CreditPolicyJson.Options));
    }
}
