using System.Diagnostics;

namespace ConfigLang.Acme.Execution;

/// <summary>Runs a program without a shell and keeps the tail of its output (for reload commands and postRun).</summary>
internal static class ProcessRunner
{
    /// <summary>Runs and returns the exit code and the tail of stdout then stderr (<see cref="OutputTail"/>).</summary>
    public static async Task<(int ExitCode, OutputTail Output)> RunAsync(string program, IReadOnlyList<string> arguments,
        string? workingDirectory, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            var start = Storage.ProgramPath.StartInfo(program, arguments);
            start.WorkingDirectory = workingDirectory ?? "";
            process = Process.Start(start) ?? throw new ServiceManagerException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ServiceManagerException($"cannot start {program}: {Storage.ProgramStartError.Reason(program, workingDirectory, e)}");
        }
        using (process)
        {
            var stdout = OutputTail.ReadAsync(process.StandardOutput.BaseStream, cancellationToken);
            var stderr = OutputTail.ReadAsync(process.StandardError.BaseStream, cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, OutputTail.Join(await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false)));
        }
    }

    /// <summary>Runs and throws <see cref="ServiceManagerException"/> when the exit code is not 0.</summary>
    public static async Task RunCheckedAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(program, arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new ServiceManagerException($"{program} {string.Join(' ', arguments)} exited with {code}" + (output.Text.Length > 0 ? ": " + output.Text : ""));
        }
    }
}
