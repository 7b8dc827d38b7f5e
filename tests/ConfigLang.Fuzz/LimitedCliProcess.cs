using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ConfigLang.Fuzz;

/// <summary>
/// Runs the CLI binary as a user would (a separate process, standard input closed) under a
/// watchdog that kills it when it goes past its <see cref="ProcessLimits"/>.
/// </summary>
public sealed class LimitedCliProcess(string executable, ProcessLimits limits)
{
    /// <summary>How much of each stream is kept for reports; the rest is counted and dropped.</summary>
    private const int HeadBytes = 16 * 1024;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public string Executable => executable;

    public ProcessLimits Limits => limits;

    /// <param name="arguments">The CLI arguments, e.g. <c>eval --parse input.nix</c>.</param>
    /// <param name="workingDirectory">The current directory and HOME of the run.</param>
    public ProcessOutcome Run(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["HOME"] = workingDirectory;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["CONFIGLANG_MAX_MEMORY"] = limits.CliMaxMemory;
        start.Environment.Remove("NIX_PATH");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        process.StandardInput.Close();
        var stdout = ReadCapped(process.StandardOutput.BaseStream);
        var stderr = ReadCapped(process.StandardError.BaseStream);
        var killed = LimitExceeded.None;
        var cpu = TimeSpan.Zero;
        long peak = 0;
        while (!process.WaitForExit(PollInterval))
        {
            (cpu, peak) = Usage(process, cpu, peak);
            killed = cpu > limits.CpuTime ? LimitExceeded.CpuTime
                : clock.Elapsed > limits.WallTime ? LimitExceeded.WallTime
                : peak > limits.MemoryBytes ? LimitExceeded.Memory
                : stderr.Total > limits.StderrBytes ? LimitExceeded.Stderr
                : LimitExceeded.None;
            if (killed == LimitExceeded.None) continue;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            break;
        }
        process.WaitForExit();
        Task.WaitAll(stdout.Done, stderr.Done);
        (cpu, peak) = Usage(process, cpu, peak);
        return new ProcessOutcome(process.ExitCode, killed, stdout.Head(), stderr.Head(), stdout.Total, stderr.Total,
            cpu, clock.Elapsed, peak);
    }

    private static (TimeSpan Cpu, long Peak) Usage(Process process, TimeSpan cpu, long peak)
    {
        try
        {
            process.Refresh();
            // PeakWorkingSet64 is the kernel's high-water mark (VmHWM), so spikes between looks count.
            return (process.TotalProcessorTime, Math.Max(peak, process.PeakWorkingSet64));
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return (cpu, peak); // it exited between two looks
        }
    }

    private static CappedReader ReadCapped(Stream stream)
    {
        var reader = new CappedReader();
        reader.Done = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                var keep = (int)Math.Min(read, Math.Max(0, HeadBytes - reader.Kept.Length));
                if (keep > 0) reader.Kept.Write(buffer, 0, keep);
                Interlocked.Add(ref reader.TotalBytes, read);
            }
        });
        return reader;
    }

    private sealed class CappedReader
    {
        public readonly MemoryStream Kept = new();
        public long TotalBytes;
        public Task Done = Task.CompletedTask;

        public long Total => Interlocked.Read(ref TotalBytes);

        public string Head() => Encoding.UTF8.GetString(Kept.GetBuffer(), 0, (int)Kept.Length);
    }
}
