using System.ComponentModel;
using System.Diagnostics;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Where a program named without a directory (<c>bash</c>, <c>systemctl</c>, <c>useradd</c>) is:
/// the first executable regular file of that name in an absolute directory of <c>PATH</c>, as a
/// shell finds it. Process.Start itself looks in the executable's directory and then in the
/// current directory before PATH, so a <c>bash</c> in the folder root ran rebuild from (a
/// certificate directory the ACME user writes) would run as root.
/// </summary>
internal static class ProgramPath
{
    /// <summary>The full path to run; a name with a <c>/</c> is the caller's own path, kept as it is.</summary>
    /// <exception cref="ProgramNotOnPathException">No directory of PATH has it as an executable file.</exception>
    public static string Resolve(string program)
    {
        if (program.Contains('/')) return program;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        string? notExecutable = null;
        // An empty or relative PATH entry means the current directory: skipped for the same reason.
        foreach (var directory in path.Split(':'))
        {
            if (!Path.IsPathRooted(directory)) continue;
            var candidate = Path.Join(directory, program);
            if (!PosixAt.IsFileFollowingLinks(candidate)) continue;
            if (PosixAt.MayExecute(candidate)) return candidate;
            // A non-executable file of that name earlier in PATH is passed over, as execvp does, and kept for the message.
            notExecutable ??= candidate;
        }
        throw new ProgramNotOnPathException(program, path, notExecutable);
    }

    /// <summary>
    /// How to start <paramref name="program"/> with <paramref name="arguments"/>, its file already
    /// resolved on PATH, output redirected, no shell.
    /// </summary>
    /// <exception cref="ProgramNotOnPathException">The program is not on PATH.</exception>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Resolve(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
