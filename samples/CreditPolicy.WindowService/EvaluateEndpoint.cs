using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
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
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.WindowService;

/// <summary>
/// <c>POST /evaluate[?asOf=YYYY-MM-DD]</c>: one profile (a JSON object) or many (JSON Lines), evaluated under the
/// rule set in force as of the day asked (else today in China Standard Time). One profile gives one decision
/// (<c>application/json</c>); several give one decision a line, in input order (<c>application/x-ndjson</c>).
/// Decisions are the contract's decision JSON, ids always masked (R8). Any profile with an input error: 400 with
/// every located error, and no decision; a day before the rule set takes effect: 422 (R9).
/// </summary>
internal static class EvaluateEndpoint
{
    internal static async Task<IResult> Handle(HttpContext context, ICreditPolicyEvaluator policy, string? asOf)
    {
        var audit = context.Features.GetRequiredFeature<AuditEntry>();
        var snapshot = policy.Current; // one rule set for the whole request, whatever reloads meanwhile
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
            return Problems.BadRequest("The request has input errors", "asOf", $"'{PersonalIds.ForOutput(asOf)}' is not a date in YYYY-MM-DD form.");
        }

        var lines = await ReadAsync(context.Request, policy);
        var profiles = lines.Where(l => l.Profile is not null).Select(l => (l.Line, Profile: l.Profile!)).ToArray();
        audit.Subjects.AddRange(profiles.Select(p => PersonalIds.ForOutput(p.Profile.Subject.Identifier.Mask())));
        if (lines.Count == 0)
        {
            audit.Outcome = "rejected: no profile";
            return Problems.BadRequest("The request has input errors", "$", "The body holds no profile: send one profile (a JSON object) or many (JSON Lines).");
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

        var text = new StringBuilder();
        foreach (var decision in decisions)
        {
            text.Append(JsonSerializer.Serialize(decision, CreditPolicyJson.Options)).Append('\n');
        }

        return Results.Text(text.ToString(), "application/x-ndjson", Encoding.UTF8);
    }

    /// <summary>Reads the body (buffered: the reader is synchronous), profile by profile, in the configured language.</summary>
    internal static async Task<List<Streaming.ProfileLine>> ReadAsync(HttpRequest request, ICreditPolicyEvaluator policy)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        body.Position = 0;
        return [.. policy.ReadProfiles(body)];
    }
}
