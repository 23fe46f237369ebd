using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using Ardalis.GuardClauses;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Serialization;
using NodaTime;

namespace CreditPolicy.Streaming;

/// <summary>
/// Evaluates a stream of profiles — JSON Lines, or one pretty-printed profile — and writes one decision a
/// line, in input order, using several cores. A profile that cannot be read is reported through
/// <see cref="DecisionPipelineOptions.OnRejected"/>; every valid profile is still evaluated.
/// </summary>
/// <remarks>Memory stays flat in the length of the input. Thread-safe.</remarks>
public static class DecisionPipeline
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>Evaluates every profile of <paramref name="input"/> as of <paramref name="asOf"/>, writing decisions to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the rule set takes effect.</exception>
    public static async Task<DecisionPipelineSummary> EvaluateAsync(
        Stream input,
        Stream output,
        PolicyEvaluator evaluator,
        LocalDate asOf,
        DecisionPipelineOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(output);
        Guard.Against.Null(evaluator);
        options ??= DecisionPipelineOptions.Default;
        evaluator.EnsureInForce(asOf);

        long evaluated = 0, rejected = 0, read = 0;
        await OrderedBatchPipeline.RunAsync(
            input,
            batch => Evaluate(batch, evaluator, asOf, options),
            result =>
            {
                output.Write(result.Output.WrittenSpan);
                result.Output.Dispose();
                evaluated += result.Evaluated;
                read += result.Evaluated;
                foreach (var rejection in result.Rejected)
                {
                    rejected++;
                    read++;
                    options.OnRejected?.Invoke(rejection);
                }

                options.OnProgress?.Invoke(read);
            },
            options.MaxDegreeOfParallelism,
            cancellationToken,
            options.Read.MaxProfileBytes,
            options.InputEncoding).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new DecisionPipelineSummary(evaluated, rejected);
    }

    /// <summary>Evaluates a stream synchronously; see <see cref="EvaluateAsync"/>.</summary>
    public static DecisionPipelineSummary Evaluate(Stream input, Stream output, PolicyEvaluator evaluator, LocalDate asOf, DecisionPipelineOptions? options = null) =>
        EvaluateAsync(input, output, evaluator, asOf, options).GetAwaiter().GetResult();

    private static BatchResult Evaluate(LineBatch batch, PolicyEvaluator evaluator, LocalDate asOf, DecisionPipelineOptions options)
    {
        var buffer = new PooledBufferWriter(batch.Bytes + (batch.Bytes / 4)); // decisions are about as long as their profiles
        var rejected = new List<RejectedProfile>();
        var evaluated = 0;
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProfileJson.Encoder, Indented = options.Write.Indented });
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var line = batch.LineOf(i);
            var result = ProfileJson.Read(batch[i], options.Read, line);
            if (!result.Succeeded)
            {
                rejected.Add(new RejectedProfile(line, result.Errors));
                continue;
            }

            AdvisoryDecision decision;
            try
            {
                decision = evaluator.EvaluateOnce(result.Value, asOf); // read for this evaluation alone: no warning kept beside its items
            }
            catch (RuleEvaluationException ex)
            {
                // A rule that fails on one profile rejects that profile, naming the rule, never the run (contract v2).
                rejected.Add(new RejectedProfile(line, [new InputError("$", line, ex.Reason)]));
                continue;
            }

            DecisionJson.Write(writer, decision, options.Write);
            writer.Flush();
            writer.Reset();
            buffer.Write(NewLine);
            evaluated++;
        }

        batch.Release();
        return new BatchResult(buffer, evaluated, rejected);
    }

    private sealed record BatchResult(PooledBufferWriter Output, int Evaluated, List<RejectedProfile> Rejected);
}
