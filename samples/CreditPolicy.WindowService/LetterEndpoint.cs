using System;
using System.Linq;
using System.Threading.Tasks;
using CreditPolicy.Commitments;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Subjects;
using CreditPolicy.WindowService.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CreditPolicy.WindowService;

/// <summary>
/// <c>POST /letters[?commitment=ID][&amp;unmask=true]</c>: the commitment letter (TP, TD, or approval substitution) of
/// the profile's commitment (its only one, or the one named), as plain text in Chinese. By default the version for
/// publication, personal ids masked (R8, C5); <c>unmask=true</c> gives the letter the subject signs, with the whole
/// certificate number (C3), only when the stated purpose is one of <c>WindowService:UnmaskPurposes</c> (else 403);
/// the audit row says so. Fields the letter lacks are blanks to fill in, named in <c>X-Letter-Gaps</c>.
/// </summary>
internal static class LetterEndpoint
{
    internal static async Task<IResult> Handle(HttpContext context, ICreditPolicyEvaluator policy, IOptions<WindowServiceOptions> options, string? commitment, string? unmask)
    {
        var audit = context.Features.GetRequiredFeature<AuditEntry>();
        var snapshot = policy.Current;
        var zh = snapshot.Culture is not null;
        audit.RuleSet(snapshot);
        bool unmasking;
        if (unmask is null || unmask.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            unmasking = false;
        }
        else if (unmask.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            unmasking = true;
        }
        else
        {
            audit.Outcome = "rejected: unmask is not true or false";
            return Problems.BadRequest("The request has input errors", "unmask", Texts.NotABoolean(zh, "unmask", unmask));
        }

        var body = await RequestBody.ReadAsync(context, policy, options.Value, audit);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var lines = body.Lines;
        if (lines.Count != 1)
        {
            audit.Outcome = "rejected: not one profile";
            return Problems.BadRequest("The request has input errors", "$", Texts.NotOneProfile(zh, lines.Count));
        }

        if (lines[0].Profile is not { } profile)
        {
            audit.Outcome = "rejected: the profile has input errors";
            return Problems.InputErrors("The profile has input errors", lines[0].Result.Errors);
        }

        if (unmasking && !options.Value.UnmaskPurposes.Contains(audit.Purpose, StringComparer.Ordinal))
        {
            audit.Outcome = "refused: purpose does not permit unmasking";
            return Problems.UnmaskRefused(audit.Purpose);
        }

        var commitments = profile.Commitments;
        var chosen = commitment is null
            ? commitments.Length == 1 ? commitments[0] : null
            : commitments.FirstOrDefault(c => c.Id == commitment);
        if (chosen is null)
        {
            audit.Outcome = "rejected: no such commitment";
            var message = commitment is not null ? Texts.NoSuchCommitment(zh, commitment)
                : commitments.Length == 0 ? Texts.NoCommitment(zh)
                : Texts.ManyCommitments(zh, commitments.Length, string.Join(", ", commitments.Select(c => PersonalIds.ForOutput(c.Id))));
            return Problems.BadRequest("The request has input errors", "commitment", message);
        }

        var gaps = chosen.LetterGaps(profile.Subject, snapshot.Culture);
        if (gaps.Count > 0)
        {
            context.Response.Headers["X-Letter-Gaps"] = string.Join(",", gaps.Select(g => g.Field));
        }

        if (chosen.Agent is { } agent)
        {
            audit.Subjects.Add(AuditEntry.Stored(agent.Identifier.Mask(), 64)); // the agent's id is in the letter too
        }

        audit.Unmasked = unmasking;
        audit.Outcome = unmasking ? "letter rendered for signing, ids whole" : "letter rendered for publication, ids masked";
        return Results.Text(CommitmentLetter.Render(profile.Subject, chosen, forPublication: !unmasking), "text/plain; charset=utf-8");
    }
}
