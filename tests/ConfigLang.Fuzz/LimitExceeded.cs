namespace ConfigLang.Fuzz;

/// <summary>Which limit made the watchdog kill a run, if any.</summary>
public enum LimitExceeded
{
    None,
    CpuTime,
    WallTime,
    Memory,
    Stderr,
}
