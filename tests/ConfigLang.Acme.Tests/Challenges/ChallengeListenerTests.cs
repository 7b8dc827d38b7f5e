using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Challenges;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Challenges;

/// <summary>The listener's own life: what disposal does to the connections it is serving, and how many it serves at once.</summary>
public sealed class ChallengeListenerTests
{
    [Fact]
    public async Task Disposal_waits_for_a_connection_in_progress_before_it_disposes_what_the_connection_uses()
    {
        var port = FreePorts.TakeOne();
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        var listener = new ChallengeListener(new IPEndPoint(IPAddress.Loopback, port), "TEST", async (_, token) =>
        {
            serving.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
            }
            // Still running after the cancel, as a handler closing its stream is.
            await release.Task;
            Volatile.Write(ref finished, 1);
        });
        await listener.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await serving.Task;

        var disposing = listener.DisposeAsync().AsTask();
        await cancelled.Task;
        // Without the wait, disposal ended here, under the connection still running.
        var first = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(300)));
        release.SetResult();
        await disposing;

        Assert.NotSame(disposing, first);
        Assert.Equal(1, Volatile.Read(ref finished));
    }

    [Fact]
    public async Task A_connection_beyond_the_limit_is_closed_unanswered_and_a_freed_place_serves_the_next()
    {
        var port = FreePorts.TakeOne();
        var served = 0;
        var servedOne = new SemaphoreSlim(0);
        // Each served connection stays until its client closes it, as an idle flood's would until the timeout.
        await using var listener = new ChallengeListener(new IPEndPoint(IPAddress.Loopback, port), "TEST", async (client, token) =>
        {
            Interlocked.Increment(ref served);
            servedOne.Release();
            var buffer = new byte[1];
            while (await client.GetStream().ReadAsync(buffer, token) > 0) { }
        }) { ConnectionTimeout = TimeSpan.FromMinutes(10) };
        await listener.StartAsync();
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < ChallengeListener.MaxConnections; i++)
            {
                var client = new TcpClient();
                held.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, port);
                Assert.True(await servedOne.WaitAsync(TimeSpan.FromSeconds(30)), $"connection {i + 1} was not served");
            }

            using (var beyond = new TcpClient())
            {
                await beyond.ConnectAsync(IPAddress.Loopback, port);
                // Closed by the listener: the read ends (0 bytes or a reset) instead of waiting for an answer.
                var read = await ReadOrReset(beyond).WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, read);
            }
            Assert.Equal(ChallengeListener.MaxConnections, Volatile.Read(ref served));

            held[0].Dispose();
            // The place the closed client held goes to a later connection, once the listener has seen the close.
            var servedAgain = false;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!servedAgain && DateTime.UtcNow < deadline)
            {
                var client = new TcpClient();
                held.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, port);
                servedAgain = await servedOne.WaitAsync(TimeSpan.FromMilliseconds(200));
            }
            Assert.True(servedAgain, "no connection was served after one place was freed");
        }
        finally
        {
            foreach (var client in held) client.Dispose();
        }
    }

    private static async Task<int> ReadOrReset(TcpClient client)
    {
        try
        {
            return await client.GetStream().ReadAsync(new byte[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
