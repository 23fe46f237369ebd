using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace CreditPolicy.Extensions.Tests;

/// <summary>Red-team findings on embedding (issue 12): a replaced rules folder, a rule set not yet in force, relative paths, masked metric tags.</summary>
public sealed class EmbeddingFixesTests
{
    [Fact]
    public async Task A_rules_folder_replaced_whole_is_watched_again_and_a_broken_file_in_it_degrades_health()
    {
        string? ruleFile = null;
        using var host = new PolicyHost(o =>
        {
            o.RuleFile = ruleFile;
            o.PollInterval = TimeSpan.Zero; // the folder watchers alone must notice
        });
        var rules = Path.Combine(host.Folder, "rules");
        ruleFile = Path.Combine(rules, "jia-county-2022-8.json");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(ruleFile, PolicyHost.Shipped);
        Assert.Equal("1.0.0", host.Policy.Current.RuleSet.Version);

        Directory.Move(rules, rules + ".old"); // mv rules rules.old; mkdir rules; cp new.json rules/
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(ruleFile, PolicyHost.WithVersion("2.0.0"));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "2.0.0", "version 2.0.0 from the new folder");
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is null, "no failure left from the moment the folder was missing");
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);

        await File.WriteAllTextAsync(ruleFile, PolicyHost.WithVersion("2.0.1").Replace("facts.ActivePositiveRecords", "facts.ActivePositiveRecordz", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is not null, "a failed reload in the new folder");

        Assert.Equal("2.0.0", host.Policy.Current.RuleSet.Version);
        Assert.Equal(HealthStatus.Degraded, (await host.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_rules_folder_replaced_is_noticed_by_the_poll_too()
    {
        string? ruleFile = null;
        using var host = new PolicyHost(o =>
        {
            o.RuleFile = ruleFile;
            o.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        var rules = Path.Combine(host.Folder, "rules");
        ruleFile = Path.Combine(rules, "jia-county-2022-8.json");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(ruleFile, PolicyHost.Shipped);
        Assert.Equal("1.0.0", host.Policy.Current.RuleSet.Version);

        Directory.Move(rules, rules + ".old");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(ruleFile, PolicyHost.WithVersion("3.0.0"));

        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "3.0.0", "version 3.0.0");
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is null, "health Healthy");
    }

    [Fact]
    public async Task R9_a_rule_set_that_takes_effect_later_is_not_swapped_in_until_its_day_and_health_says_why()
    {
        using var host = new PolicyHost(o => o.PollInterval = TimeSpan.FromMilliseconds(100));
        var good = host.Policy.Current;

        // Saved whole: a save in steps can be read half-written while other test projects build (ReloadTests covers such saves).
        host.SaveByRename(PolicyHost.WithVersion("2.0.0").Replace("\"effectiveFrom\": \"2022-03-11\"", "\"effectiveFrom\": \"2027-01-01\"", StringComparison.Ordinal));
        await PolicyHost.WaitUntilAsync(() => host.Policy.LastReloadFailure is not null, "the reload that reads the later rule set");

        Assert.Same(good, host.Policy.Current);
        Assert.Equal("1.0.0", host.Policy.Evaluate(Profiles.Read(Profiles.Penalised)).RuleSetVersion); // no 422 for today
        var report = await host.HealthAsync();
        var entry = report.Entries["creditpolicy"];
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("takes effect on 2027-01-01: it is not loaded until then; rule set jia-county-2022-8 1.0.0 ", entry.Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Messages(LogLevel.Warning), m => m.Contains("takes effect on 2027-01-01: it is not loaded until then", StringComparison.Ordinal));
        var problem = Assert.Single(host.Policy.LastReloadFailure!.Problems);
        Assert.Equal("$.RuleSet.effectiveFrom", problem.Path);

        host.Clock.Reset(Instant.FromUtc(2026, 12, 31, 16, 0)); // 2027-01-01 00:00 in China Standard Time
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "2.0.0", "the later rule set on its day");

        Assert.Null(host.Policy.LastReloadFailure);
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }

    [Fact]
    public async Task R9_a_rule_set_loaded_at_start_that_takes_effect_later_makes_health_Degraded()
    {
        string? ruleFile = null;
        using var host = new PolicyHost(o => o.RuleFile = ruleFile);
        ruleFile = Path.Combine(host.Folder, "later.json");
        await File.WriteAllTextAsync(ruleFile, PolicyHost.Shipped.Replace("\"effectiveFrom\": \"2022-03-11\"", "\"effectiveFrom\": \"2027-01-01\"", StringComparison.Ordinal));

        var report = await host.HealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("takes effect on 2027-01-01: until then every evaluation as of today is refused (R9)", report.Entries["creditpolicy"].Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Messages(LogLevel.Warning), m => m.Contains("takes effect on 2027-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_relative_rule_file_is_resolved_once_against_the_content_root_and_reloads_from_there()
    {
        var environment = new Environment();
        using var host = new PolicyHost(o => o.RuleFile = "jia-county-2022-8.json", s => s.AddSingleton<IHostEnvironment>(environment));
        environment.ContentRootPath = host.Folder;

        Assert.Equal(host.RuleFile, host.Policy.Current.Source);

        host.SaveByRename(PolicyHost.WithVersion("1.2.0"));
        await PolicyHost.WaitUntilAsync(() => host.Policy.Current.RuleSet.Version == "1.2.0", "version 1.2.0");
        Assert.Equal(host.RuleFile, host.Policy.Current.Source);
        Assert.Null(host.Policy.LastReloadFailure);
    }

    [Fact]
    public void A_folder_given_as_the_rule_or_agency_file_is_named_a_folder()
    {
        string? folder = null;
        using var host = new PolicyHost(o =>
        {
            o.RuleFile = folder;
            o.AgencyFile = folder;
        });
        folder = host.Folder;

        var ex = Assert.Throws<OptionsValidationException>(() => host.Policy);

        Assert.Equal(2, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.EndsWith($"'{host.Folder}' is a folder; name the file in it.", f, StringComparison.Ordinal));
    }

    [Fact]
    public void R8_rule_set_id_and_version_shaped_like_a_resident_id_are_masked_in_metric_tags()
    {
        string? ruleFile = null;
        using var host = new PolicyHost(o => o.RuleFile = ruleFile);
        ruleFile = Path.Combine(host.Folder, "person.json");
        File.WriteAllText(ruleFile, PolicyHost.WithVersion(Profiles.ResidentId).Replace("\"id\": \"jia-county-2022-8\"", $"\"id\": \"{Profiles.ResidentId}\"", StringComparison.Ordinal));

        host.Policy.Evaluate(Profiles.Read(Profiles.Penalised));
        var (_, tags) = Assert.Single(host.Meters.Observe(CreditPolicyTelemetry.RuleSet));

        Assert.Equal(1, host.Meters.Sum(CreditPolicyTelemetry.Evaluations, ("creditpolicy.rule_set.version", "410425********1233")));
        Assert.Equal("410425********1233", tags["creditpolicy.rule_set.version"]);
        Assert.Equal("410425********1233", tags["creditpolicy.rule_set.id"]);
        Assert.Equal(0, host.Meters.Sum(CreditPolicyTelemetry.Evaluations, ("creditpolicy.rule_set.version", Profiles.ResidentId)));
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Test";

        public string ContentRootPath { get; set; } = "/nowhere";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
