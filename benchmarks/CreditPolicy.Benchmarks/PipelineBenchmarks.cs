using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CreditPolicy.Samples;
using CreditPolicy.Streaming;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// JSON Lines in, decisions as JSON Lines out, for 100,000 profiles of about 1.2 KB (four records, one report,
/// one commitment; parse, validate, evaluate, write), as the command-line tool's <c>evaluate</c> does it —
/// beside <see cref="RawScan"/>, the limit of this machine on the same bytes: every line tokenized with
/// <see cref="Utf8JsonReader"/> on all cores and nothing built. The ratio of the two says how much of what
/// the cores can read the pipeline reaches.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Count = 100_000;

    /// <summary>Four records a profile make lines of about 1.2 KB (1,245 B on average).</summary>
    private const int RecordsPerProfile = 4;

    private byte[] _input = [];
    private (int Start, int End)[] _chunks = [];

    [GlobalSetup]
    public void Setup()
    {
        _input = SamplePopulation.ProfilesJsonLines(Count, Population.Seed, RecordsPerProfile);
        _chunks = Chunks(_input, Environment.ProcessorCount * 8);
    }

    /// <summary>The limit: every line tokenized with <see cref="Utf8JsonReader"/>, all cores, nothing built; returns the tokens read.</summary>
    [Benchmark(Baseline = true)]
    public long RawScan()
    {
        long tokens = 0;
        Parallel.For(0, _chunks.Length, i =>
        {
            var (start, end) = _chunks[i];
            var rest = _input.AsSpan(start, end - start);
            long local = 0;
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf((byte)'\n');
                var reader = new Utf8JsonReader(newline < 0 ? rest : rest[..newline]);
                while (reader.Read())
                {
                    local++;
                }

                rest = newline < 0 ? [] : rest[(newline + 1)..];
            }

            Interlocked.Add(ref tokens, local);
        });
        return tokens;
    }

    [Benchmark]
    public long JsonLinesThroughDecisionPipeline() =>
        DecisionPipeline.Evaluate(new MemoryStream(_input, writable: false), Stream.Null, Population.Evaluator, Population.Day).Evaluated;

    /// <summary>About <paramref name="count"/> ranges of whole lines covering <paramref name="input"/>.</summary>
    private static (int Start, int End)[] Chunks(byte[] input, int count)
    {
        var chunks = new List<(int, int)>();
        var size = Math.Max(1, input.Length / count);
        var start = 0;
        while (start < input.Length)
        {
            var end = Math.Min(input.Length, start + size);
            var newline = end < input.Length ? Array.IndexOf(input, (byte)'\n', end) : -1;
            end = newline < 0 ? input.Length : newline + 1;
            chunks.Add((start, end));
            start = end;
        }

        return [.. chunks];
    }
}
