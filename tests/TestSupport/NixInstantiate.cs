using System.Diagnostics;

namespace ConfigLang.TestSupport;

/// <summary>
/// The reference evaluator, Debian's Nix 2.8 <c>nix-instantiate</c> (package nix-bin), run
/// without a daemon or store (<c>NIX_REMOTE=dummy://</c>) as the corpus README describes.
/// </summary>
public static class NixInstantiate
{
    /// <summary>The executable found on PATH, or null.</summary>
    public static string? Executable { get; } = FindOnPath("nix-instantiate");

    /// <summary>Why tests that compare with Nix cannot run here, or null when they can.</summary>
    public static string? MissingReason =>
        Executable is null ? "nix-instantiate is not on PATH: install Debian's nix-bin (Nix 2.8), as .ci/run does" : null;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary><c>nix-instantiate --eval --strict FILE</c>, killed after <paramref name="timeout"/>; standard output
    /// decoded with <paramref name="stdoutEncoding"/> (UTF-8 by default; Latin-1 keeps one char per byte).</summary>
    public static Result EvalStrict(string file, TimeSpan timeout, System.Text.Encoding? stdoutEncoding = null)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(file)!,
            StandardOutputEncoding = stdoutEncoding,
        };
        foreach (var argument in new[] { "--eval", "--strict", file }) start.ArgumentList.Add(argument);
        start.Environment["NIX_REMOTE"] = "dummy://";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nix-instantiate did not finish {file} within {timeout}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
