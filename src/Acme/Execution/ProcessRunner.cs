using System.Diagnostics;

namespace ConfigLang.Acme.Execution;

/// <summary>Runs a program without a shell and collects its output (for reload commands and postRun).</summary>
internal static class ProcessRunner
{
    /// <summary>Runs and returns exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments,
        string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ServiceManagerException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ServiceManagerException($"cannot start {program}: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim());
        }
    }

    /// <summary>Runs and throws <see cref="ServiceManagerException"/> when the exit code is not 0.</summary>
    public static async Task RunCheckedAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(program, arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new ServiceManagerException($"{program} {string.Join(' ', arguments)} exited with {code}" + (output.Length > 0 ? ": " + output : ""));
        }
    }
}
