using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace CreditPolicy.WindowService.Audit;

/// <summary>What the audit trail records of one request (R5, R8): who asked, from which window, why, about whom (masked), under which rule set, with what outcome.</summary>
internal sealed class AuditEntry
{
    internal const string CallerHeader = "X-Caller";
    internal const string WindowHeader = "X-Window";
    internal const string PurposeHeader = "X-Purpose";

    internal AuditEntry(HttpRequest request, Instant at)
    {
        At = at;
        Method = request.Method;
        Path = request.Path.Value ?? "/";
        Caller = Header(request, CallerHeader);
        Window = Header(request, WindowHeader);
        Purpose = Header(request, PurposeHeader);
    }

    internal Instant At { get; }

    internal string Method { get; }

    internal string Path { get; }

    internal string? Caller { get; }

    internal string? Window { get; }

    internal string? Purpose { get; }

    /// <summary>The subjects asked about, ids masked.</summary>
    internal List<string> Subjects { get; } = [];

    /// <summary>Whether a personal id was shown whole (a letter to sign, for a purpose that permits it).</summary>
    internal bool Unmasked { get; set; }

    internal string? RuleSetId { get; set; }

    internal string? RuleSetVersion { get; set; }

    internal string? RuleSetSha256 { get; set; }

    /// <summary>What came of it, in a few words; the status code says the rest.</summary>
    internal string? Outcome { get; set; }

    internal void RuleSet(CreditPolicy.Extensions.DependencyInjection.CreditPolicySnapshot snapshot)
    {
        RuleSetId = snapshot.RuleSet.Id;
        RuleSetVersion = snapshot.RuleSet.Version;
        RuleSetSha256 = snapshot.RuleSet.Sha256;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
}
