using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace CreditPolicy.Extensions.Tests;

/// <summary>A rule file edited on disk is reloaded and swapped in; a broken edit keeps the last good rule set (issue 12).</summary>
public sealed class ReloadTests
{
    [Fact]
    public async Task An_edit_saved_in_several_steps_is_served_once_complete()
    {
        using var host = new PolicyHost(o => o.ReloadDelay = TimeSpan.FromMilliseconds(300)); // the default quiet period
        var before = host.Policy.Current;

        await host.SaveInStepsAsync(PolicyHost.WithVersion("1.0.1"));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "1.0.1", "version 1.0.1");

        var decision = host.Policy.Evaluate(Profiles.Read(Profiles.Penalised));
        Assert.Equal("1.0.1", decision.RuleSetVersion);
        Assert.NotEqual(before.RuleSet.Sha256, decision.RuleSetSha256);
        Assert.Equal("1.0.0", before.Evaluate(Profiles.Read(Profiles.Penalised)).RuleSetVersion); // a snapshot taken stays whole
        Assert.Null(host.Policy.LastReloadFailure);
    }

    [Fact]
    public async Task An_edit_saved_by_renaming_a_new_file_over_the_old_is_served()
    {
        using var host = new PolicyHost();
        _ = host.Policy;

        host.SaveByRename(PolicyHost.WithVersion("2.0.0").Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "2.0.0", "version 2.0.0");

        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Reloads, ("outcome", "success")));
        Assert.Contains(host.Logs.Messages(LogLevel.Information), m => m.StartsWith("Rule set jia-county-2022-8 2.0.0 sha256 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_rule_set_logs_each_located_problem_and_degrades_health_until_fixed()
    {
        // Saved whole (renamed over the file), not in steps: while other test projects build, the pause between the halves
        // of a save in steps can outlast any quiet period, and the half-written file's failure is the one counted. Saves in
        // steps are the subject of the test above.
        using var host = new PolicyHost();
        var good = host.Policy.Current;
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);

        host.SaveByRename(PolicyHost.Shipped
            .Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal)
            .Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecordz > 0", StringComparison.Ordinal)
            .Replace("\"clause\": \"R7.2\"", "\"clause\": \"R77\"", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is not null, "a failed reload");

        var failure = host.Policy.LastReloadFailure!;
        Assert.Same(good, host.Policy.Current);
        Assert.Equal("1.0.0", host.Policy.Evaluate(Profiles.Read(Profiles.Penalised)).RuleSetVersion);
        Assert.Equal(2, failure.Problems.Length);
        var errors = host.Logs.Messages(LogLevel.Error).ToArray();
        Assert.All(failure.Problems, p => Assert.Contains(p.ToString(), errors));
        Assert.All(failure.Problems, p => Assert.StartsWith(host.RuleFile + ":", p.ToString(), StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("2 problem(s); rule set in force: jia-county-2022-8 1.0.0 sha256 ", StringComparison.Ordinal));

        var report = await host.HealthAsync();
        var entry = report.Entries["creditpolicy"];
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("failed with 2 problem(s); rule set jia-county-2022-8 1.0.0 sha256 " + good.RuleSet.Sha256[..12], entry.Description, StringComparison.Ordinal);
        Assert.Equal(2, ((string[])entry.Data["problems"]).Length);
        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Reloads, ("outcome", "failure")));
        Assert.Equal(1, Assert.Single(host.Meters.Observe(CreditPolicyTelemetry.Degraded)).Value);

        host.SaveByRename(PolicyHost.WithVersion("1.1.0"));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "1.1.0", "the fixed version 1.1.0");

        report = await host.HealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("rule set jia-county-2022-8 1.1.0 sha256 " + host.Policy.Current.RuleSet.Sha256[..12] + "… in force", report.Entries["creditpolicy"].Description);
        Assert.Null(host.Policy.LastReloadFailure);
        Assert.Equal(0, Assert.Single(host.Meters.Observe(CreditPolicyTelemetry.Degraded)).Value);
    }

    [Fact]
    public async Task A_file_saved_with_the_same_bytes_keeps_the_snapshot()
    {
        using var host = new PolicyHost();
        var before = host.Policy.Current;

        host.SaveByRename(PolicyHost.Shipped);
        await PolicyHost.WaitUntilAsync(() => host.Meters.Sum(CreditPolicyTelemetry.Reloads) > 0, "a reload");

        Assert.Same(before, host.Policy.Current);
        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Reloads, ("outcome", "unchanged")));
    }

    [Fact]
    public async Task An_agency_file_is_watched_too_and_a_broken_one_keeps_the_last_good_registry()
    {
        string? agencies = null;
        using var host = new PolicyHost(o => o.AgencyFile = agencies);
        agencies = System.IO.Path.Combine(host.Folder, "agencies.json");
        await System.IO.File.WriteAllTextAsync(agencies, """[{"name":"某征信有限公司","filingNumber":"PBC-HN-2021-001"}]""");
        var first = host.Policy.Current;
        Assert.Equal(agencies, first.AgencyFile);

        await System.IO.File.WriteAllTextAsync(agencies, """[{"name":"某征信有限公司","filingNumer":"PBC-HN-2021-001"}]""");
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is not null, "a failed reload");

        Assert.Same(first, host.Policy.Current);
        Assert.Contains("did you mean", Assert.Single(host.Policy.LastReloadFailure!.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_options_loads_the_rule_file_they_name()
    {
        var other = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"creditpolicy-di-{Guid.NewGuid():N}.json");
        await System.IO.File.WriteAllTextAsync(other, PolicyHost.WithVersion("3.0.0"));
        using var change = new ChangeSource();
        string? file = null;
        try
        {
            using var host = new PolicyHost(o => o.RuleFile = file ?? o.RuleFile, s => s.AddSingleton<IOptionsChangeTokenSource<CreditPolicyOptions>>(change));
            Assert.Equal("1.0.0", host.Policy.Current.RuleSet.Version);

            file = other;
            change.Fire();
            await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "3.0.0", "version 3.0.0 from the other file");

            Assert.Equal(other, host.Policy.Current.Source);
        }
        finally
        {
            System.IO.File.Delete(other);
        }
    }

    private sealed class ChangeSource : IOptionsChangeTokenSource<CreditPolicyOptions>, IDisposable
    {
        private CancellationTokenSource _source = new();

        public string? Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

        internal void Fire()
        {
            var previous = Interlocked.Exchange(ref _source, new CancellationTokenSource());
            previous.Cancel();
            previous.Dispose();
        }

        public void Dispose() => _source.Dispose();
    }
}
