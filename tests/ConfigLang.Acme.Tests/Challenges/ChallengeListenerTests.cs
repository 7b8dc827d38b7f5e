using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Challenges;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Challenges;

/// <summary>The listener's own life: what disposal does to the connections it is serving.</summary>
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
}
