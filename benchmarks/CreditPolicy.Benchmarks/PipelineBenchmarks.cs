using System.IO;
using BenchmarkDotNet.Attributes;
using CreditPolicy.Evaluation;
using CreditPolicy.Samples;
using CreditPolicy.Streaming;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// JSON Lines in, decisions as JSON Lines out, for 100,000 profiles (parse, evaluate, write), as the
/// command-line tool's <c>evaluate</c> does it.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Count = 100_000;
    private byte[] _input = [];

    [GlobalSetup]
    public void Setup() => _input = SamplePopulation.ProfilesJsonLines(Count, Population.Seed, Population.RecordsPerProfile);

    [Benchmark]
    public long JsonLinesThroughDecisionPipeline() =>
        DecisionPipeline.Evaluate(new MemoryStream(_input, writable: false), Stream.Null, Population.Evaluator, Population.Day).Evaluated;
}
