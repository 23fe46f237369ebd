using System;
using System.IO;
using System.Linq;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace CreditPolicy.Extensions.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Every_problem_of_the_options_is_reported_at_once()
    {
        using var host = new PolicyHost(o =>
        {
            o.Rules = RuleSet.JiaCounty2022No8;
            o.AgencyFile = "no-such-agencies.json";
            o.Language = "fr";
            o.ReloadDelay = TimeSpan.FromSeconds(-1);
        });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Policy);

        Assert.Equal(4, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("set RuleFile or Rules, not both", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("AgencyFile", StringComparison.Ordinal) && f.Contains("no-such-agencies.json' does not exist", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Language must be 'zh' or 'en', not 'fr'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ReloadDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_rule_file_is_an_options_problem()
    {
        using var host = new PolicyHost(o => o.RuleFile = "missing.json");

        var ex = Assert.Throws<OptionsValidationException>(() => host.Policy);

        Assert.Contains("missing.json' does not exist", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_rule_file_the_shipped_rules_are_in_force()
    {
        using var host = new PolicyHost(o => o.RuleFile = null);

        Assert.Same(RuleSet.JiaCounty2022No8, host.Policy.Current.RuleSet);
        Assert.Equal("embedded", host.Policy.Current.Source);
    }

    [Fact]
    public void An_invalid_rule_file_at_start_fails_with_every_problem_logged()
    {
        using var host = new PolicyHost();
        File.WriteAllText(host.RuleFile, PolicyHost.Shipped.Replace("\"effectiveFrom\": \"2022-03-11\"", "\"effectiveFrom\": \"2022-02-30\"", StringComparison.Ordinal).Replace("\"Expression\": \"facts.CreditChecked", "\"Expression\": \"facts.NoSuchFact", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidOperationException>(() => host.Policy);

        Assert.True(ex.Message.Contains("6 problem(s)", StringComparison.Ordinal), string.Join("\n", host.Logs.Entries.Select(e => e.Message)));
        var problems = host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Error).Where(m => m.StartsWith(host.RuleFile, StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, problems.Length); // the date, and the unknown fact in each of the five rules that read it
        Assert.Contains(problems, p => p.Contains("$.RuleSet.effectiveFrom", StringComparison.Ordinal));
    }

    [Fact]
    public void Today_is_the_day_in_China_Standard_Time_by_the_containers_clock()
    {
        using var host = new PolicyHost();

        Assert.Equal(new LocalDate(2026, 11, 27), host.Policy.Today());
        Assert.Equal(PolicyHost.Now, host.Policy.Current.LoadedAt);
    }

    [Fact]
    public void The_options_clock_wins_over_the_containers()
    {
        using var host = new PolicyHost(o => o.Clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 12, 31, 16, 0)));

        Assert.Equal(new LocalDate(2027, 1, 1), host.Policy.Today());
    }

    [Fact]
    public void Language_zh_gives_located_problems_and_warnings_in_Chinese()
    {
        using var host = new PolicyHost(o => o.Language = "zh");

        var line = Assert.Single(host.Policy.ReadProfiles(Profiles.Lines(Profiles.BrokenPerson)));
        var decision = host.Policy.Evaluate(Profiles.Read("""{"subject":{"name":"甲","kind":"enterprise","idType":"other","id":"A-1"}}"""));

        Assert.Contains(line.Result.Errors, e => e.Message.Any(c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.Contains(decision.Warnings, w => w.Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Fact]
    public void Registering_twice_registers_one_evaluator()
    {
        var services = new ServiceCollection();
        services.AddCreditPolicy().AddCreditPolicy();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(ICreditPolicyEvaluator));
        Assert.Same(provider.GetRequiredService<ICreditPolicyEvaluator>(), provider.GetRequiredService<ICreditPolicyEvaluator>());
    }
}
