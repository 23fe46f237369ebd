using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Streaming;
using Xunit;

namespace CreditPolicy.Tests.Streaming;

/// <summary>What an embedding app may rely on when it streams profiles through <see cref="ProfileStreamReader"/> (issue 10).</summary>
public sealed class ProfileStreamReaderTests
{
    private const string Profile = """{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20"}""";

    /// <summary>The reader hands on batches of at most this many profiles.</summary>
    private const int Batch = 512;

    private static MemoryStream Profiles(int count) => new(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Profile + "\n", count))));

    [Fact]
    public async Task ProcessAsync_with_MaxDegreeOfParallelism_1_never_calls_process_concurrently()
    {
        // An app whose callback is not thread-safe asks for one worker. Enough pool threads that any extra batch started would overlap.
        ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
        ThreadPool.SetMinThreads(Math.Max(workerThreads, 16), ioThreads);
        var running = 0;
        var most = 0;
        using var overlap = new ManualResetEventSlim();
        await ProfileStreamReader.ProcessAsync(
            Profiles(Batch * 4),
            line =>
            {
                var now = Interlocked.Increment(ref running);
                if (now > 1)
                {
                    overlap.Set();
                }

                InterlockedMax(ref most, now);
                if (line.Line % Batch == 1)
                {
                    overlap.Wait(TimeSpan.FromMilliseconds(250)); // hold each batch a while: another batch started meanwhile is caught
                }

                Interlocked.Decrement(ref running);
                return line.Line;
            },
            _ => { },
            new ProfileStreamOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(1, most);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ProcessAsync_accepts_any_MaxDegreeOfParallelism(int workers)
    {
        var lines = 0;
        await ProfileStreamReader.ProcessAsync(Profiles(Batch * 3), line => line.Line, line => Assert.Equal(++lines, line), new ProfileStreamOptions { MaxDegreeOfParallelism = workers });

        Assert.Equal(Batch * 3, lines);
    }

    [Fact]
    public void A_released_batch_leaves_no_profile_in_the_shared_array_pool()
    {
        // R8: a profile's bytes (a natural person's name and whole identity number) must not be handed, as they are, to whatever
        // else in the process rents from ArrayPool<byte>.Shared next. The reader zeroes its own buffers; the batches must too.
        var profile = Encoding.UTF8.GetBytes("""{"subject":{"name":"张三","kind":"natural-person","idType":"resident-id","id":"11010519491231002X"}}""");
        var cached = ArrayPool<byte>.Shared.Rent(64 * 1024); // empties this thread's slot, so that the batch's buffer is the next one rented
        try
        {
            var batch = new LineBatch();
            batch.Add(profile, 1);
            batch.Release();

            var next = ArrayPool<byte>.Shared.Rent(64 * 1024);
            Assert.True(next.AsSpan().IndexOf("11010519491231002X"u8) < 0, "the whole identity number is still in a pooled array");
            ArrayPool<byte>.Shared.Return(next);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cached);
        }
    }

    [Fact]
    public void A_batch_that_grows_leaves_no_profile_in_the_array_it_gave_back()
    {
        // R8, as above, for the smaller array a batch gives back when a long line makes it take a larger one: only the
        // bytes the batch wrote are cleared (issue 14), and those are every byte of every profile in it.
        var profile = Encoding.UTF8.GetBytes("""{"subject":{"name":"张三","kind":"natural-person","idType":"resident-id","id":"11010519491231002X"}}""");
        var cached = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var batch = new LineBatch();
            for (var i = 0; i < 500; i++)
            {
                batch.Add(profile, i + 1); // 500 profiles: most of the first array, up to its last bytes
            }

            batch.Add(new byte[70 * 1024], 501); // no longer fits: the batch takes a larger array and gives this one back

            var given = ArrayPool<byte>.Shared.Rent(64 * 1024);
            Assert.True(given.AsSpan().IndexOf("11010519491231002X"u8) < 0, "the whole identity number is still in the array the batch gave back");
            ArrayPool<byte>.Shared.Return(given);
            Assert.Equal(profile, batch[499].ToArray());
            batch.Release();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cached);
        }
    }

    [Fact]
    public async Task ProcessAsync_cancelled_by_the_caller_throws_OperationCanceledException_for_the_callers_token()
    {
        // The usual .NET idiom: catch (OperationCanceledException e) when (e.CancellationToken == token) tells "I cancelled" from a timeout elsewhere.
        using var cancel = new CancellationTokenSource();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProfileStreamReader.ProcessAsync(
            Profiles(Batch * 40),
            line => line.Line,
            line =>
            {
                if (line == Batch + 1)
                {
                    cancel.Cancel();
                }
            },
            new ProfileStreamOptions { MaxDegreeOfParallelism = 1 },
            cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
