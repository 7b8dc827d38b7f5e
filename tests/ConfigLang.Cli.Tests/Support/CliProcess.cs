using System.Diagnostics;

namespace ConfigLang.Cli.Tests;

/// <summary>
/// Runs the built CLI (configlang.dll, copied beside the tests) as a child process: for inputs
/// that once killed the process (a stack overflow is a signal, which no in-process test
/// survives), so that the exit code itself can be checked.
/// </summary>
public static class CliProcess
{
    public static CliRun Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "configlang.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"configlang {string.Join(' ', args)} ran for more than 2 minutes");
        }
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
