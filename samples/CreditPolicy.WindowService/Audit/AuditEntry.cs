using System.Collections.Generic;
using System.Threading;
using System.Linq;
using CreditPolicy.Subjects;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace CreditPolicy.WindowService.Audit;

/// <summary>
/// What the audit trail records of one request (R5, R8): who asked, from which window, why, about whom (masked), under
/// which rule set, with what outcome. Everything taken from the request (path, headers) is stored as output may show
/// input — resident ids masked, control characters escaped (<c>PersonalIds.ForOutput</c>) — and truncated.
/// </summary>
internal sealed class AuditEntry
{
    internal const string CallerHeader = "X-Caller";
    internal const string WindowHeader = "X-Window";
    internal const string PurposeHeader = "X-Purpose";

    /// <summary>The longest value of <c>X-Caller</c>, <c>X-Window</c> and <c>X-Purpose</c>: printable ASCII codes.</summary>
    internal const int MaxHeaderLength = 64;

    /// <summary>The most characters of the path the audit row keeps.</summary>
    internal const int MaxPathLength = 256;

    private int _attempted;

    internal AuditEntry(HttpRequest request, Instant at)
    {
        At = at;
        Method = Stored(request.Method, 16);
        Path = Stored(request.Path.Value ?? "/", MaxPathLength);
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

    /// <summary>Each of the three headers that is missing or not a code: the header and what is wrong (a <see cref="HeaderProblem"/>).</summary>
    internal List<(string Header, HeaderProblem Problem, int Length)> HeaderProblems { get; } = [];

    /// <summary>The subjects asked about, ids masked.</summary>
    internal List<string> Subjects { get; } = [];

    /// <summary>Whether a personal id was shown whole (a letter to sign, for a purpose that permits it).</summary>
    internal bool Unmasked { get; set; }

    internal string? RuleSetId { get; set; }

    internal string? RuleSetVersion { get; set; }

    internal string? RuleSetSha256 { get; set; }

    /// <summary>What came of it, in a few words; the status code says the rest.</summary>
    internal string? Outcome { get; set; }

    /// <summary>Whether the row was written (after <see cref="AuditTrail.CommitAsync"/>).</summary>
    internal bool Written { get; set; }

    /// <summary>Whether writing the row was tried already: a request gets one attempt, never two rows.</summary>
    internal bool Attempted => Volatile.Read(ref _attempted) != 0;

    /// <summary>Claims the one attempt to write the row; <see langword="false"/> when it was claimed before.</summary>
    internal bool TryBeginWrite() => Interlocked.Exchange(ref _attempted, 1) == 0;

    /// <summary>The rule set's id and version as output may show them (a version shaped like a resident id is masked, R8).</summary>
    internal void RuleSet(CreditPolicy.Extensions.DependencyInjection.CreditPolicySnapshot snapshot)
    {
        RuleSetId = PersonalIds.ForOutput(snapshot.RuleSet.Id);
        RuleSetVersion = PersonalIds.ForOutput(snapshot.RuleSet.Version);
        RuleSetSha256 = snapshot.RuleSet.Sha256;
    }

    /// <summary><paramref name="text"/> masked, escaped, and cut to <paramref name="max"/> characters (then ending in …).</summary>
    internal static string Stored(string text, int max)
    {
        var output = PersonalIds.ForOutput(text);
        if (output.Length <= max)
        {
            return output;
        }

        var cut = char.IsHighSurrogate(output[max - 1]) ? max - 1 : max;
        return output[..cut] + "…";
    }

    private string? Header(HttpRequest request, string name)
    {
        if (!request.Headers.TryGetValue(name, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            HeaderProblems.Add((name, HeaderProblem.Missing, 0));
            return null;
        }

        var value = values.ToString().Trim();
        if (!value.All(c => c is >= ' ' and <= '~'))
        {
            HeaderProblems.Add((name, HeaderProblem.NotAscii, value.Length));
        }
        else if (value.Length > MaxHeaderLength)
        {
            HeaderProblems.Add((name, HeaderProblem.TooLong, value.Length));
        }

        return Stored(value, MaxHeaderLength);
    }
}

/// <summary>What is wrong with one of the headers that say who asks.</summary>
internal enum HeaderProblem
{
    Missing,
    NotAscii,
    TooLong,
}
