using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using CreditPolicy.Rules;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// Reading, validating and compiling the shipped rule file (and its example cases): warm (the default
/// job) and cold (the first load in a fresh process, JIT included).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, id: "Warm")]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "Cold")]
public class LoadBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = RuleFile.Bytes();

    [Benchmark]
    public int LoadShippedRuleFile() => RuleSet.Load(_bytes, "jia-county-2022-8.json").Value!.Measures.Length;
}
