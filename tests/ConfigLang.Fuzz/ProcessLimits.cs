namespace ConfigLang.Fuzz;

/// <summary>
/// What one CLI run may use before it counts as a failure. Time is processor time, so a busy
/// shared machine does not turn slow runs into hangs; the wall-clock limit catches a process
/// that waits on something and burns no processor time.
/// </summary>
public sealed record ProcessLimits(TimeSpan CpuTime, TimeSpan WallTime, long MemoryBytes, long StderrBytes)
{
    /// <summary>10 s of processor time, 60 s of wall time, 2 GiB resident, 8 MiB of diagnostics.</summary>
    public static ProcessLimits Default { get; } =
        new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 2L << 30, 8L << 20);

    /// <summary>
    /// The budget the CLI's own limit (<c>CONFIGLANG_MAX_MEMORY</c>) gets: half of ours, so its
    /// clean "out of memory" error comes well before the watchdog kills the process.
    /// </summary>
    public string CliMaxMemory => $"{MemoryBytes / 2 / (1024 * 1024)}M";
}
