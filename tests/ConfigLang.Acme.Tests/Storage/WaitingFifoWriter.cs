using System.Diagnostics;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// A new FIFO with a writer already asleep in open(2) on it: the writer is released only when
/// someone opens the FIFO for reading, so it tells whether code under test opened the FIFO or
/// only looked at it (opening a device acts on it; a FIFO is the device a test can watch).
/// </summary>
internal sealed class WaitingFifoWriter : IDisposable
{
    private readonly Process _writer;

    public WaitingFifoWriter(string fifo)
    {
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        _writer = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"echo X=y > '{fifo}'"]))!;
        // Only a writer already waiting in open tells: one that has not reached it yet stays blocked either way.
        try
        {
            WaitUntilBlockedOpening();
        }
        catch
        {
            // Dispose never runs for a constructor that throws: a writer left here would sleep in open(2) for ever.
            Dispose();
            throw;
        }
    }

    /// <summary>Fails when the writer was released (the FIFO was opened for reading).</summary>
    public void AssertNeverOpened() => Assert.False(_writer.WaitForExit(TimeSpan.FromSeconds(2)), "the FIFO was opened");

    // The kernel's word that the process sleeps in open(2) on a FIFO waiting for the other end.
    private void WaitUntilBlockedOpening()
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(10))
        {
            var wchan = File.ReadAllText($"/proc/{_writer.Id}/wchan").Trim();
            if (wchan is "wait_for_partner" or "fifo_open") return;
            Thread.Sleep(10);
        }
        Assert.Fail($"the writer (pid {_writer.Id}) did not block opening the FIFO within 10 s (wchan: {File.ReadAllText($"/proc/{_writer.Id}/wchan")})");
    }

    public void Dispose()
    {
        _writer.Kill();
        _writer.Dispose();
    }
}
