using System.Diagnostics;

namespace ConfigLang.Cli.Tests;

/// <summary>
/// Runs the built CLI (configlang.dll, copied beside the tests) as a child process, for what only
/// a whole process shows: inputs that once killed the process (a stack overflow is a signal,
/// which no in-process test survives), so that the exit code itself can be checked, and the
/// memory limit (the runtime's heap limit, which an in-process run leaves alone).
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static CliRun Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunIn(null, environment, args);

    /// <summary>Runs the CLI with <paramref name="workingDirectory"/> as its current directory (the test's own when null).</summary>
    public static CliRun RunIn(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(DotnetHost, ["exec", Path.Combine(AppContext.BaseDirectory, "configlang.dll")], workingDirectory, environment, [], null, args);

    /// <summary>Runs the CLI with its standard output read one char per byte (Latin-1): what it writes, byte for byte.</summary>
    public static CliRun RunReadingBytes(params string[] args) =>
        Start(DotnetHost, ["exec", Path.Combine(AppContext.BaseDirectory, "configlang.dll")], null, null, [], System.Text.Encoding.Latin1, args);

    /// <summary>
    /// Runs the binary <paramref name="executable"/> itself (the apphost, or the Native AOT build CI
    /// hands the tests), with <paramref name="unset"/> removed from the inherited environment.
    /// </summary>
    public static CliRun RunExecutable(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> unset, IReadOnlyList<string> args) =>
        Start(executable, [], workingDirectory, environment, unset, null, args);

    // The dotnet host that runs the tests runs the CLI's assembly too.
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static CliRun Start(string fileName, IReadOnlyList<string> leadingArgs, string? workingDirectory, IReadOnlyDictionary<string, string>? environment,
        IReadOnlyList<string> unset, System.Text.Encoding? stdoutEncoding, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = stdoutEncoding,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in leadingArgs.Concat(args)) start.ArgumentList.Add(argument);
        start.Environment.Remove("CONFIGLANG_MAX_MEMORY");
        foreach (var name in unset) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"configlang {string.Join(' ', args)} ran past {Timeout}");
        }
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliRun Run(params string[] args) => Run(null, args);
}
