using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads input batches, processes them on the thread pool in parallel, and hands the results to
/// <c>consume</c> strictly in input order. At most twice <c>workers</c> batches are in flight, so memory
/// stays flat however long the input is.
/// </summary>
internal static class OrderedBatchPipeline
{
    internal static async Task RunAsync<TResult>(
        Stream input,
        Func<LineBatch, TResult> process,
        Action<TResult> consume,
        int workers,
        CancellationToken cancellationToken)
    {
        var reader = new LineBatchReader(input);
        var inFlight = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(Math.Max(1, workers) * 2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    while (await reader.ReadBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
                    {
                        await inFlight.Writer.WriteAsync(Task.Run(() => process(batch), cancellationToken), cancellationToken).ConfigureAwait(false);
                    }

                    inFlight.Writer.Complete();
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    inFlight.Writer.Complete(ex);
                }
            },
            cancellationToken);

        await foreach (var task in inFlight.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            consume(await task.ConfigureAwait(false));
        }

        await producer.ConfigureAwait(false);
    }
}
