namespace ConfigLang.Fuzz;

/// <summary>How one CLI run ended: exit code (128 + N for signal N), the heads of its output, what it used.</summary>
public sealed record ProcessOutcome(
    int ExitCode,
    LimitExceeded Killed,
    string StdoutHead,
    string StderrHead,
    long StdoutBytes,
    long StderrBytes,
    TimeSpan CpuTime,
    TimeSpan WallTime,
    long PeakResidentBytes);
