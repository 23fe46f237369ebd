using System;
using CreditPolicy.Output;
using CreditPolicy.Serialization;

namespace CreditPolicy.Streaming;

/// <summary>Options of <see cref="DecisionPipeline"/>.</summary>
/// <remarks>Immutable and thread-safe; the callbacks are called on one thread at a time, in input order.</remarks>
public sealed record DecisionPipelineOptions
{
    /// <summary>The defaults.</summary>
    public static DecisionPipelineOptions Default { get; } = new();

    /// <summary>How profiles are read (their <see cref="ProfileReadOptions.FirstLineNumber"/> is set per line).</summary>
    /// <value>The default value is <see cref="ProfileReadOptions.Default"/>.</value>
    public ProfileReadOptions Read { get; init; } = ProfileReadOptions.Default;

    /// <summary>How decisions are written.</summary>
    /// <value>The default value is <see cref="DecisionWriteOptions.Default"/>: compact, one a line.</value>
    public DecisionWriteOptions Write { get; init; } = DecisionWriteOptions.Default;

    /// <summary>The encoding of the input stream (see <see cref="InputEncodings"/>).</summary>
    /// <value>The default value is <see langword="null"/>: UTF-8, with or without a byte-order mark.</value>
    public System.Text.Encoding? InputEncoding { get; init; }

    /// <summary>How many batches are evaluated at once, at most: 1 for a callback that is not thread-safe; below 1 counts as 1, above 1,024 as 1,024.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called for each rejected profile, in input order.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<RejectedProfile>? OnRejected { get; init; }

    /// <summary>Called after each batch with the number of profiles read so far.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<long>? OnProgress { get; init; }
}
