using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// The ratios of <see cref="EvaluationBenchmarks"/> measured again and again, each run a process of its own
/// with a fixed job (5 warm-up and 20 measured iterations of the same 1,000 profiles), so that what is
/// reported is the spread of the ratio across runs, not one lucky run (issue 14):
/// <c>dotnet run -c Release --project benchmarks/CreditPolicy.Benchmarks -- spread [RUNS]</c>.
/// </summary>
public static class RatioSpread
{
    private static readonly string[] Measured = [nameof(EvaluationBenchmarks.TightHandWritten), nameof(EvaluationBenchmarks.CreditPolicy), nameof(EvaluationBenchmarks.RulesEngineExecuteAllRules)];

    /// <summary>Runs the comparison <paramref name="runs"/> times and prints each run's means and ratios, then their least, median and most.</summary>
    public static int Run(int runs)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20).WithId("spread"))
            .AddFilter(new NameFilter(name => Measured.Contains(name)))
            .WithOptions(ConfigOptions.DisableLogFile);
        var rows = new List<(double Tight, double Library, double RulesEngine)>();
        for (var run = 1; run <= runs; run++)
        {
            var summary = BenchmarkRunner.Run<EvaluationBenchmarks>(config);
            double Mean(string name) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == name).ResultStatistics?.Mean
                ?? throw new InvalidOperationException($"{name} gave no result in run {run}.");
            rows.Add((Mean(Measured[0]), Mean(Measured[1]), Mean(Measured[2])));
        }

        var lines = new List<string>
        {
            "| run | TightHandWritten (ns) | CreditPolicy (ns) | RulesEngine (ns) | CreditPolicy / tight | RulesEngine / CreditPolicy |",
            "|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.Select((r, i) => Row((i + 1).ToString(CultureInfo.InvariantCulture), r.Tight, r.Library, r.RulesEngine)));
        var libraryRatios = rows.Select(r => r.Library / r.Tight).Order().ToArray();
        var engineRatios = rows.Select(r => r.RulesEngine / r.Library).Order().ToArray();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| least / median / most | | | | {libraryRatios[0]:F2} / {Median(libraryRatios):F2} / {libraryRatios[^1]:F2} | {engineRatios[0]:F1} / {Median(engineRatios):F1} / {engineRatios[^1]:F1} |"));
        var table = string.Join(Environment.NewLine, lines);
        Console.WriteLine();
        Console.WriteLine(table);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "ratio-spread.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, table + Environment.NewLine);
        Console.WriteLine($"Written to {path}.");
        return 0;
    }

    private static string Row(string run, double tight, double library, double engine) =>
        string.Create(CultureInfo.InvariantCulture, $"| {run} | {tight:N0} | {library:N0} | {engine:N0} | {library / tight:F2} | {engine / library:F1} |");

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
