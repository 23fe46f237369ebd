using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Ardalis.GuardClauses;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;

namespace CreditPolicy.Streaming;

/// <summary>
/// Reads typed profiles from a stream — JSON Lines, or pretty-printed profiles one after another — in
/// input order, each with the line it starts on, a damaged one reported without stopping the rest
/// (contract v2, "Input streams"). <see cref="ProcessAsync{TResult}"/> reads and processes on several
/// cores and hands the results back strictly in input order: what <c>creditpolicy evaluate</c> and
/// <c>diff</c> are built on.
/// </summary>
/// <remarks>Memory stays flat in the length of the input. Thread-safe.</remarks>
public static class ProfileStreamReader
{
    /// <summary>
    /// Reads every profile of <paramref name="input"/> and runs <paramref name="process"/> on each, on the
    /// thread pool, then hands each result to <paramref name="consume"/> on one thread at a time, in input
    /// order.
    /// </summary>
    /// <typeparam name="TResult">What <paramref name="process"/> makes of a profile.</typeparam>
    /// <param name="input">The stream, encoded as <see cref="ProfileStreamOptions.InputEncoding"/> says.</param>
    /// <param name="process">Called for every profile read, valid or not, possibly on several threads at once.</param>
    /// <param name="consume">Called with each result, in input order, never concurrently.</param>
    /// <param name="options">Reading limits, encoding, parallelism; <see cref="ProfileStreamOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static Task ProcessAsync<TResult>(
        Stream input,
        Func<ProfileLine, TResult> process,
        Action<TResult> consume,
        ProfileStreamOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(process);
        Guard.Against.Null(consume);
        options ??= ProfileStreamOptions.Default;
        return OrderedBatchPipeline.RunAsync(
            input,
            batch => Process(batch, process, options.ReadWithCulture),
            results =>
            {
                foreach (var result in results)
                {
                    consume(result);
                }
            },
            options.MaxDegreeOfParallelism,
            cancellationToken,
            options.Read.MaxProfileBytes,
            options.InputEncoding);
    }

    /// <summary>Reads every profile of <paramref name="input"/>, in input order, on the calling thread.</summary>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static IEnumerable<ProfileLine> Read(Stream input, ProfileStreamOptions? options = null)
    {
        Guard.Against.Null(input);
        options ??= ProfileStreamOptions.Default;
        return ReadIterator(input, options);
    }

    private static IEnumerable<ProfileLine> ReadIterator(Stream input, ProfileStreamOptions options)
    {
        var reader = new LineBatchReader(input, options.Read.MaxProfileBytes, options.InputEncoding);
        while (reader.ReadBatchAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } batch)
        {
            var lines = Process(batch, static line => line, options.ReadWithCulture);
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static List<TResult> Process<TResult>(LineBatch batch, Func<ProfileLine, TResult> process, ProfileReadOptions read)
    {
        var results = new List<TResult>(batch.Items.Count);
        try
        {
            for (var i = 0; i < batch.Items.Count; i++)
            {
                var line = batch.LineOf(i);
                results.Add(process(new ProfileLine(line, ProfileJson.Read(batch[i], read, line))));
            }
        }
        finally
        {
            batch.Release();
        }

        return results;
    }
}

/// <summary>One profile of a stream: the line it starts on, and the profile or every problem found in it.</summary>
/// <param name="Line">1-based line of the stream where the profile starts.</param>
/// <param name="Result">The profile, or its problems (located by the stream's lines).</param>
public sealed record ProfileLine(int Line, ReadResult<CreditProfile> Result)
{
    /// <summary>The profile, when it was read without a problem.</summary>
    public CreditProfile? Profile => Result.Value;
}

/// <summary>How <see cref="ProfileStreamReader"/> reads.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProfileStreamOptions
{
    /// <summary>The defaults: UTF-8, the default reading limits, one worker per core.</summary>
    public static ProfileStreamOptions Default { get; } = new();

    /// <summary>How each profile is read (limits; comments).</summary>
    /// <value>The default value is <see cref="ProfileReadOptions.Default"/>.</value>
    public ProfileReadOptions Read { get; init; } = ProfileReadOptions.Default;

    /// <summary>The language of the problems' messages, passed to each profile's reading (overriding <see cref="ProfileReadOptions.Culture"/> of <see cref="Read"/> when set): Chinese when its name starts with <c>zh</c>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Read"/>'s culture (English unless it says otherwise).</value>
    public System.Globalization.CultureInfo? Culture { get; init; }

    /// <summary>The reading options with <see cref="Culture"/> applied.</summary>
    internal ProfileReadOptions ReadWithCulture => Culture is null ? Read : Read with { Culture = Culture };

    /// <summary>The encoding of the stream (see <see cref="InputEncodings"/>).</summary>
    /// <value>The default value is <see langword="null"/>: UTF-8, with or without a byte-order mark.</value>
    public System.Text.Encoding? InputEncoding { get; init; }

    /// <summary>How many batches of profiles are processed at once, at most: 1 for a callback that is not thread-safe; below 1 counts as 1, above 1,024 as 1,024.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
