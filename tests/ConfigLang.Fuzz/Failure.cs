using System.Text.RegularExpressions;

namespace ConfigLang.Fuzz;

/// <summary>
/// A failed run, and the oracle that decides whether a run failed. <see cref="Signature"/>
/// groups failures of one cause (kind, command, exception type and first ConfigLang frame) so a
/// report lists each class once.
/// </summary>
public sealed partial record Failure(FailureKind Kind, string Signature, string Detail)
{
    /// <summary>The failure of <paramref name="outcome"/>, or null when the run ended as the contract says.</summary>
    /// <param name="command">The CLI command (e.g. <c>eval --parse</c>), part of the signature.</param>
    public static Failure? Of(ProcessOutcome outcome, string command)
    {
        var stderr = outcome.StderrHead;
        if (stderr.StartsWith("Stack overflow.", StringComparison.Ordinal))
        {
            // The runtime prints the frames, then aborts (SIGABRT); Native AOT just gets SIGSEGV.
            // The frames can pass the stderr limit first: the cause is the overflow either way.
            return Make(FailureKind.Signal, command, $"stack overflow{FirstFrame(stderr)}");
        }
        var failure = outcome.Killed switch
        {
            LimitExceeded.CpuTime => Make(FailureKind.Hang, command, $"more than the processor-time limit ({outcome.CpuTime.TotalSeconds:F1} s)"),
            LimitExceeded.WallTime => Make(FailureKind.Hang, command, $"more than the wall-clock limit ({outcome.WallTime.TotalSeconds:F1} s)"),
            LimitExceeded.Memory => Make(FailureKind.Memory, command, $"resident memory reached {outcome.PeakResidentBytes >> 20} MiB"),
            LimitExceeded.Stderr => Make(FailureKind.UnboundedDiagnostics, command, $"more than {outcome.StderrBytes >> 20} MiB on standard error"),
            _ => null,
        };
        if (failure is not null) return failure;
        if (outcome.ExitCode >= 128)
        {
            return Make(FailureKind.Signal, command, $"signal {outcome.ExitCode - 128}, {FirstLine(stderr)}{FirstFrame(stderr)}");
        }
        if (stderr.Contains("Unhandled exception", StringComparison.Ordinal) || StackFrame().IsMatch(stderr))
        {
            return Make(FailureKind.UnhandledException, command, ExceptionName(stderr) + FirstFrame(stderr));
        }
        if (stderr.Contains("internal error", StringComparison.OrdinalIgnoreCase))
        {
            return Make(FailureKind.InternalError, command, ExceptionName(stderr) + FirstFrame(stderr));
        }
        if (outcome.ExitCode is not (0 or 1 or 2))
        {
            return Make(FailureKind.UnexpectedExitCode, command, $"exit code {outcome.ExitCode}, {FirstLine(stderr)}");
        }
        return null;
    }

    private static Failure Make(FailureKind kind, string command, string detail)
    {
        // Numbers vary between runs of one cause (sizes, times, addresses): leave them out of the grouping.
        var stable = Digits().Replace(detail, "N");
        return new Failure(kind, $"{kind} in '{command}': {stable}", detail);
    }

    private static string ExceptionName(string stderr) =>
        ExceptionType().Match(stderr) is { Success: true } match ? match.Value : "no exception type";

    private static string FirstFrame(string stderr) =>
        ConfigLangFrame().Match(stderr) is { Success: true } match ? " at " + match.Groups[1].Value : "";

    private static string FirstLine(string stderr)
    {
        var line = stderr.Split('\n', 2)[0].Trim();
        return line.Length > 120 ? line[..120] : line.Length == 0 ? "no message" : line;
    }

    /// <summary>A .NET stack frame line: "   at Namespace.Type.Method(".</summary>
    [GeneratedRegex(@"^\s+at (ConfigLang|System)\.[\w.`<>|]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b(System\.)?[\w.]*(Exception|Overflow)\b")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"^\s+at (ConfigLang\.[\w.`<>|]+)\(", RegexOptions.Multiline)]
    private static partial Regex ConfigLangFrame();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
