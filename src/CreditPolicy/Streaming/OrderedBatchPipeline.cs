using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CreditPolicy.Streaming;

/// <summary>
/// Reads input batches, processes them on the thread pool in parallel, and hands the results to
/// <c>consume</c> strictly in input order. At most <c>workers</c> batches are processed at once (an app
/// whose callback is not thread-safe asks for one), and at most twice <c>workers</c> are in flight, so
/// memory stays flat however long the input is.
/// </summary>
internal static class OrderedBatchPipeline
{
    /// <summary>The most workers used: a larger request (<see cref="int.MaxValue"/> for "as many as you like") gets this many.</summary>
    internal const int MaxWorkers = 1024;

    internal static async Task RunAsync<TResult>(
        Stream input,
        Func<LineBatch, TResult> process,
        Action<TResult> consume,
        int workers,
        CancellationToken cancellationToken,
        int maxDocumentBytes = int.MaxValue - 1024,
        System.Text.Encoding? encoding = null)
    {
        var reader = new LineBatchReader(input, maxDocumentBytes, encoding);
        workers = Math.Clamp(workers, 1, MaxWorkers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(workers * 2) { SingleReader = true, SingleWriter = true });

        // A batch starts only when one of the workers is free: the channel alone would let twice as many more run at once.
        // Not disposed: a batch still running when a failure ends the run releases it later.
        var free = new SemaphoreSlim(workers, workers);
        TResult Process(LineBatch batch)
        {
            try
            {
                return process(batch);
            }
            finally
            {
                free.Release();
            }
        }

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    while (await reader.ReadBatchAsync(stop.Token).ConfigureAwait(false) is { } batch)
                    {
                        await free.WaitAsync(stop.Token).ConfigureAwait(false);
                        await inFlight.Writer.WriteAsync(Task.Run(() => Process(batch), stop.Token), stop.Token).ConfigureAwait(false);
                    }

                    inFlight.Writer.Complete();
                }
                catch (Exception ex)
                {
                    // Whatever stops the reading (a read error, cancellation, a bug) ends the consumer too: never a hang.
                    inFlight.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var task in inFlight.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                consume(await task.ConfigureAwait(false));
            }
        }
        catch (Exception ex)
        {
            // A failing batch or consumer stops the producer, which may be waiting for room in the channel.
            await stop.CancelAsync().ConfigureAwait(false);
            inFlight.Writer.TryComplete();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (ex is OperationCanceledException)
            {
                // Cancelled through the linked source: say so for the caller's own token, as .NET code expects.
                cancellationToken.ThrowIfCancellationRequested();
            }

            throw;
        }

        await producer.ConfigureAwait(false);
    }
}
