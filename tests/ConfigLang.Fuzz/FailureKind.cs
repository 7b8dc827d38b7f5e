namespace ConfigLang.Fuzz;

/// <summary>What counts as a failure. Exit codes 0, 1 and 2 with a clean message do not.</summary>
public enum FailureKind
{
    /// <summary>Killed by a signal (exit code 128 + N): a segmentation fault, an abort, a stack overflow.</summary>
    Signal,
    /// <summary>Past the processor-time or wall-clock limit.</summary>
    Hang,
    /// <summary>Past the memory limit.</summary>
    Memory,
    /// <summary>More diagnostics than the limit allows: output not bounded by a cap.</summary>
    UnboundedDiagnostics,
    /// <summary>"Unhandled exception" or a .NET stack trace on standard error.</summary>
    UnhandledException,
    /// <summary>"internal error": an exception the CLI caught but did not expect.</summary>
    InternalError,
    /// <summary>An exit code outside the contract's 0 (ok), 1 (input error) and 2 (usage).</summary>
    UnexpectedExitCode,
}
