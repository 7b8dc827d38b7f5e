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
        Wait(Launch(DotnetHost, ["exec", CliAssembly], workingDirectory, environment, [], null, args), args);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> written to its standard input, which is then closed.</summary>
    public static CliRun RunWithInput(string standardInput, params string[] args) =>
        Wait(Launch(DotnetHost, ["exec", CliAssembly], null, null, [], null, args, standardInput), args);

    /// <summary>Runs the CLI with its standard output read one char per byte (Latin-1): what it writes, byte for byte.</summary>
    public static CliRun RunReadingBytes(params string[] args) =>
        Wait(Launch(DotnetHost, ["exec", CliAssembly], null, null, [], System.Text.Encoding.Latin1, args), args);

    /// <summary>
    /// Runs the binary <paramref name="executable"/> itself (the apphost, or the Native AOT build CI
    /// hands the tests), with <paramref name="unset"/> removed from the inherited environment.
    /// </summary>
    public static CliRun RunExecutable(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> unset, IReadOnlyList<string> args) =>
        Wait(Launch(executable, [], workingDirectory, environment, unset, null, args), args);

    public static CliRun Run(params string[] args) => Run(null, args);

    /// <summary>Starts the CLI and returns at once, for runs that go side by side or are killed midway.</summary>
    public static RunningCli Start(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Launch(DotnetHost, ["exec", CliAssembly], workingDirectory, environment, [], null, args);

    // The dotnet host that runs the tests runs the CLI's assembly too.
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "configlang.dll");

    private static CliRun Wait(RunningCli running, IReadOnlyList<string> args)
    {
        using (running)
        {
            if (!running.Process.WaitForExit(Timeout))
            {
                running.Process.Kill(entireProcessTree: true);
                throw new TimeoutException($"configlang {string.Join(' ', args)} ran past {Timeout}");
            }
            return new CliRun(running.Process.ExitCode, running.Stdout.Result, running.Stderr.Result);
        }
    }

    private static RunningCli Launch(string fileName, IReadOnlyList<string> leadingArgs, string? workingDirectory, IReadOnlyDictionary<string, string>? environment,
        IReadOnlyList<string> unset, System.Text.Encoding? stdoutEncoding, IReadOnlyList<string> args, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            StandardOutputEncoding = stdoutEncoding,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in leadingArgs.Concat(args)) start.ArgumentList.Add(argument);
        start.Environment.Remove("CONFIGLANG_MAX_MEMORY");
        foreach (var name in unset) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        return new RunningCli(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }
}

/// <summary>A CLI process started by <see cref="CliProcess.Start"/>, its output read as it comes.</summary>
public sealed record RunningCli(Process Process, Task<string> Stdout, Task<string> Stderr) : IDisposable
{
    /// <summary>Waits for the exit (killing the process tree after <paramref name="timeout"/>) and returns what it printed.</summary>
    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try { await Process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"configlang ran past {timeout}: {await Stderr}");
        }
        return new CliRun(Process.ExitCode, await Stdout, await Stderr);
    }

    public void Dispose() => Process.Dispose();
}
