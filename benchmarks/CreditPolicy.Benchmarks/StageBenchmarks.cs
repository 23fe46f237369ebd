using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Samples;
using CreditPolicy.Serialization;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// Where a profile's time goes in the pipeline, one thread, one profile of ~1.2 KB per operation (the
/// <see cref="PipelineBenchmarks"/> input): tokenizing it with <see cref="Utf8JsonReader"/> and nothing else (the
/// baseline), reading it into the model (validation included), evaluating it, and writing its decision (issue 14).
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const int Count = 2000;
    private byte[][] _lines = [];
    private CreditProfile[] _profiles = [];
    private AdvisoryDecision[] _decisions = [];
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var input = SamplePopulation.ProfilesJsonLines(Count, Population.Seed, 4);
        var lines = new List<byte[]>(Count);
        var rest = input.AsSpan();
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            lines.Add((newline < 0 ? rest : rest[..newline]).ToArray());
            rest = newline < 0 ? [] : rest[(newline + 1)..];
        }

        _lines = [.. lines];
        _profiles = Array.ConvertAll(_lines, line => ProfileJson.Read(line).Value ?? throw new InvalidOperationException("A sample profile did not read."));
        _decisions = Array.ConvertAll(_profiles, profile => Population.Evaluator.Evaluate(profile, Population.Day));
        _writer = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = ProfileJson.Encoder });
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>Every token of the line read, nothing built.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long Tokenize()
    {
        long tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary><see cref="ProfileJson.Read(ReadOnlySpan{byte}, ProfileReadOptions?)"/>: the typed profile, every field checked.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Read()
    {
        var read = 0;
        foreach (var line in _lines)
        {
            read += ProfileJson.Read(line).Succeeded ? 1 : 0;
        }

        return read;
    }

    /// <summary>The same profiles read by the reference reader alone (<see cref="System.Text.Json.Utf8JsonReader"/>), which the fast path falls back to.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ReadWithReference()
    {
        var read = 0;
        foreach (var line in _lines)
        {
            read += ProfileParser.ParseWithReference(line, ProfileReadOptions.Default, 1).Succeeded ? 1 : 0;
        }

        return read;
    }

    /// <summary>
    /// The decision as the pipeline makes it (its warnings made afresh, not kept beside the items; its measures'
    /// array not made, since the writer enumerates them without it: the count is read the same way).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Evaluate()
    {
        var measures = 0;
        foreach (var profile in _profiles)
        {
            measures += Population.Evaluator.EvaluateOnce(profile, Population.Day).MeasureCount;
        }

        return measures;
    }

    /// <summary>The decision written as the contract's JSON line.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long Write()
    {
        long bytes = 0;
        foreach (var decision in _decisions)
        {
            _output.ResetWrittenCount();
            DecisionJson.Write(_writer, decision);
            _writer.Flush();
            _writer.Reset();
            bytes += _output.WrittenCount;
        }

        return bytes;
    }
}
