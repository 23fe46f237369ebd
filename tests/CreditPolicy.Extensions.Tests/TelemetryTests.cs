using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreditPolicy.Evaluation;
using CreditPolicy.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CreditPolicy.Extensions.Tests;

/// <summary>Metrics through System.Diagnostics.Metrics, and logs that never show a resident identity number whole (R8).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Evaluations_and_rejections_are_counted_by_reason()
    {
        using var host = new PolicyHost();
        var policy = host.Policy;

        var lines = policy.ReadProfiles(Profiles.Lines(Profiles.Penalised, Profiles.BrokenPerson, Profiles.Person)).ToArray();
        foreach (var line in lines.Where(l => l.Profile is not null))
        {
            policy.Evaluate(line.Profile!);
        }

        Assert.Throws<RuleSetNotInForceException>(() => policy.Evaluate(lines[0].Profile!, new LocalDate(2022, 3, 10)));

        Assert.Equal(2, host.Meters.Sum(CreditPolicyTelemetry.Evaluations, ("creditpolicy.rule_set.version", "1.0.0")));
        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Rejections, ("reason", "input")));
        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Rejections, ("reason", "not-in-force")));
        Assert.Equal(2, host.Meters.Sum(CreditPolicyTelemetry.Rejections));
    }

    [Fact]
    public void The_rule_set_gauge_names_the_rule_set_in_force()
    {
        using var host = new PolicyHost();
        var current = host.Policy.Current;

        var (value, tags) = Assert.Single(host.Meters.Observe(CreditPolicyTelemetry.RuleSet));

        Assert.Equal(1, value);
        Assert.Equal("jia-county-2022-8", tags["creditpolicy.rule_set.id"]);
        Assert.Equal("1.0.0", tags["creditpolicy.rule_set.version"]);
        Assert.Equal(current.RuleSet.Sha256, tags["creditpolicy.rule_set.sha256"]);
        Assert.Equal(0, Assert.Single(host.Meters.Observe(CreditPolicyTelemetry.Degraded)).Value);
    }

    [Fact]
    public async Task R8_no_log_shows_a_resident_identity_number_whole()
    {
        using var host = new PolicyHost();
        var policy = host.Policy;
        foreach (var line in policy.ReadProfiles(Profiles.Lines(Profiles.Person, Profiles.BrokenPerson)).Where(l => l.Profile is not null))
        {
            policy.Evaluate(line.Profile!);
        }

        // A rule named after a person, broken: the reload logs the problem, located by rule name.
        await File.WriteAllTextAsync(host.RuleFile, PolicyHost.Shipped.Replace("\"RuleName\": \"R6.1 integrity publicity\"", $"\"RuleName\": \"{Profiles.ResidentId}\"", StringComparison.Ordinal).Replace("facts.ActivePositiveRecords > 0", "facts.Nope > 0", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => policy.LastReloadFailure is not null, "a failed reload");

        var messages = host.Logs.Entries.Select(e => e.Message).ToArray();
        Assert.Contains(messages, m => m.Contains("Evaluated 410425********1233 as of 2026-11-27", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Profile at line 2 rejected: line 2: $.records[0].decidedOn", StringComparison.Ordinal));
        Assert.True(messages.Any(m => m.Contains("rule '<resident-id-shaped value>'", StringComparison.Ordinal)), string.Join("\n", messages));
        Assert.DoesNotContain(messages, m => m.Contains(Profiles.ResidentId, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => Regex.IsMatch(m, @"(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])"));
    }
}
