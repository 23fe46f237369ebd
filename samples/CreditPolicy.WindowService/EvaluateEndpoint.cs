using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreditPolicy.Evaluation;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using CreditPolicy.WindowService.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.WindowService;

/// <summary>
/// <c>POST /evaluate[?asOf=YYYY-MM-DD]</c>: one profile (a JSON object) or many (JSON Lines), evaluated under the
/// rule set in force as of the day asked (else today in China Standard Time). One profile gives one decision
/// (<c>application/json</c>); several give one decision a line, in input order (<c>application/x-ndjson</c>).
/// Decisions are the contract's decision JSON, ids always masked (R8). Any profile with an input error: 400 with
/// every located error, and no decision; a day before the rule set takes effect: 422 (R9); a body over the limits
/// (<see cref="WindowServiceOptions.MaxRequestBodyBytes"/>, <see cref="WindowServiceOptions.MaxProfiles"/>): 413.
/// </summary>
internal static partial class EvaluateEndpoint
{
    internal static async Task<IResult> Handle(HttpContext context, ICreditPolicyEvaluator policy, IOptions<WindowServiceOptions> options, string? asOf)
    {
        var audit = context.Features.GetRequiredFeature<AuditEntry>();
        var snapshot = policy.Current; // one rule set for the whole request, whatever reloads meanwhile
        var zh = snapshot.Culture is not null;
        audit.RuleSet(snapshot);
        LocalDate day;
        if (asOf is null)
        {
            day = snapshot.Today();
        }
        else if (LocalDatePattern.Iso.Parse(asOf) is { Success: true } parsed)
        {
            day = parsed.Value;
        }
        else
        {
            audit.Outcome = "rejected: asOf is not a date";
            var message = DateShape().IsMatch(asOf) ? Texts.NoSuchDay(zh, asOf) : Texts.NotADate(zh, asOf);
            return Problems.BadRequest("The request has input errors", "asOf", message);
        }

        var body = await RequestBody.ReadAsync(context, policy, options.Value, audit);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var lines = body.Lines;
        var profiles = lines.Where(l => l.Profile is not null).Select(l => (l.Line, Profile: l.Profile!)).ToArray();
        if (lines.Count == 0)
        {
            audit.Outcome = "rejected: no profile";
            return Problems.BadRequest("The request has input errors", "$", Texts.NoProfile(zh));
        }

        var errors = lines.SelectMany(l => l.Result.Errors).ToList();
        if (errors.Count > 0)
        {
            audit.Outcome = $"rejected: {lines.Count - profiles.Length} of {lines.Count} profile(s) with input errors";
            return Problems.InputErrors("The profiles have input errors", errors);
        }

        try
        {
            snapshot.EnsureInForce(day);
        }
        catch (RuleSetNotInForceException ex)
        {
            audit.Outcome = "rejected: rule set not in force (R9)";
            return Problems.NotInForce(ex);
        }

        var decisions = new List<AdvisoryDecision>(profiles.Length);
        foreach (var (line, profile) in profiles)
        {
            try
            {
                decisions.Add(snapshot.Evaluate(profile, day));
            }
            catch (RuleEvaluationException ex)
            {
                errors.Add(new InputError(null, line, ex.Message));
            }
        }

        if (errors.Count > 0)
        {
            audit.Outcome = $"rejected: a rule failed on {errors.Count} profile(s)";
            return Problems.InputErrors("A rule failed on the profiles", errors);
        }

        audit.Outcome = $"evaluated {decisions.Count}";
        if (decisions.Count == 1)
        {
            return Results.Text(JsonSerializer.Serialize(decisions[0], CreditPolicyJson.Options), "application/json", Encoding.UTF8);
        }

        // Written decision by decision as it goes out, not built whole in memory first.
        return Results.Stream(
            async stream =>
            {
                foreach (var decision in decisions)
                {
                    await JsonSerializer.SerializeAsync(stream, decision, CreditPolicyJson.Options, context.RequestAborted);
                    await stream.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
                }
            },
            "application/x-ndjson; charset=utf-8");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();
}
