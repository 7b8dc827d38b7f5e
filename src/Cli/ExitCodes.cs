namespace ConfigLang.Cli;

/// <summary>The exit codes every command keeps (see the contracts): scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input has errors: syntax, evaluation, type, assertion or lint errors.</summary>
    public const int InputErrors = 1;

    /// <summary>Usage error: a bad flag, a missing file.</summary>
    public const int Usage = 2;

    /// <summary>Execution failure: an ACME order failed, a file could not be written.</summary>
    public const int ExecutionFailure = 3;
}
