using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CreditPolicy.Profiles;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// 1,000,000 in-memory profiles through <c>PolicyEvaluator.EvaluateAll</c> on every core. The million are
/// 10,000 distinct profiles repeated a hundred times (the work per profile is the same; the memory is not
/// 2 GB of copies).
/// </summary>
/// <remarks>
/// Keeping a million decisions is the garbage collector's work as much as ours, so each benchmark runs under
/// the two collectors a host may choose (issue 14): the default workstation collector, whose background
/// collection keeps the youngest generation small (every few thousand kept decisions are promoted, twice),
/// and the server collector a batch host configures (<c>&lt;ServerGarbageCollection&gt;true&lt;/ServerGarbageCollection&gt;</c>).
/// Run without <c>--job</c>: the two short jobs are this class's own.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(CollectorJobs))]
public class BatchBenchmarks
{
    /// <summary>A short job per collector.</summary>
    private sealed class CollectorJobs : ManualConfig
    {
        public CollectorJobs()
        {
            AddJob(Job.ShortRun.WithGcServer(false).WithId("Workstation"));
            AddJob(Job.ShortRun.WithGcServer(true).WithId("Server"));
        }
    }

    private const int Distinct = 10_000;
    private const int Total = 1_000_000;
    private CreditProfile[] _million = [];

    [GlobalSetup]
    public void Setup()
    {
        var distinct = Population.Profiles(Distinct);
        _million = [.. Enumerable.Range(0, Total).Select(i => distinct[i % Distinct])];
    }

    /// <summary>Full decisions (evidence, warnings), all kept in memory.</summary>
    [Benchmark]
    public int EvaluateAll() => Population.Evaluator.EvaluateAll(_million, Population.Day).Length;

    /// <summary>Full decisions handed to a consumer as they are made (here: counting their measures), none kept.</summary>
    [Benchmark]
    public int EvaluateEach()
    {
        var counts = new int[_million.Length];
        Population.Evaluator.EvaluateEach(_million, Population.Day, (i, decision) => counts[i] = decision.ApplicableMeasures.Length);
        return counts.Length;
    }

    /// <summary>Which measures apply, for every profile: one array, nothing allocated per profile.</summary>
    [Benchmark]
    public int EvaluateAllMeasures() => Population.Evaluator.EvaluateAllMeasures(_million, Population.Day).Length;
}
