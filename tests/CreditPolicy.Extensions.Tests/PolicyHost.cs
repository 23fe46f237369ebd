using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CreditPolicy.Extensions.Tests;

/// <summary>A service provider with CreditPolicy registered over a real rule file in a temporary folder, a fixed clock, and logs and meters the test can read.</summary>
internal sealed class PolicyHost : IDisposable
{
    /// <summary>2026-11-27 00:30 in China Standard Time.</summary>
    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 16, 30);

    internal PolicyHost(Action<CreditPolicyOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Folder = Directory.CreateTempSubdirectory("creditpolicy-di-").FullName;
        RuleFile = Path.Combine(Folder, "jia-county-2022-8.json");
        File.WriteAllBytes(RuleFile, RuleSet.JiaCounty2022No8File());
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(Logs);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddSingleton<IMeterFactory>(Meters);
        collection.AddSingleton<IClock>(Clock);
        collection.AddCreditPolicy(o =>
        {
            o.RuleFile = RuleFile;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        collection.AddHealthChecks().AddCreditPolicy();
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider();
    }

    /// <summary>The shipped rule file's text.</summary>
    internal static string Shipped { get; } = Encoding.UTF8.GetString(RuleSet.JiaCounty2022No8File());

    internal string Folder { get; }

    internal string RuleFile { get; }

    internal FakeClock Clock { get; } = new(Now);

    internal TestLogs Logs { get; } = new();

    internal TestMeterFactory Meters { get; } = new();

    internal ServiceProvider Services { get; }

    internal ICreditPolicyEvaluator Policy => Services.GetRequiredService<ICreditPolicyEvaluator>();

    /// <summary>The shipped rules with another version.</summary>
    internal static string WithVersion(string version) => Shipped.Replace("\"version\": \"1.0.0\"", $"\"version\": \"{version}\"", StringComparison.Ordinal);

    /// <summary>Saves as many editors do: truncates the file, writes part, pauses, writes the rest.</summary>
    internal async Task SaveInStepsAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await using var stream = new FileStream(RuleFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        await Task.Delay(30);
        await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
    }

    /// <summary>Saves as editors that save atomically do: a new file renamed over the old one.</summary>
    internal void SaveByRename(string text)
    {
        var temporary = RuleFile + ".swp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, RuleFile, overwrite: true);
    }

    /// <summary>Waits, without blocking a thread, until <paramref name="condition"/> holds (10 s at most).</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("Waited 10 s for " + what);
            }

            await Task.Delay(25);
        }
    }

    internal Task<HealthReport> HealthAsync() => Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    public void Dispose()
    {
        Services.Dispose();
        Meters.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
