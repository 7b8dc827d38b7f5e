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
    private const int ENoEnt = 2;

    /// <summary>The full path to run; a name with a <c>/</c> is the caller's own path, kept as it is.</summary>
    /// <exception cref="Win32Exception">ENOENT when no directory of PATH has it (as Process.Start reports a missing program).</exception>
    public static string Resolve(string program)
    {
        if (program.Contains('/')) return program;
        // An empty or relative PATH entry means the current directory: skipped for the same reason.
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (!Path.IsPathRooted(directory)) continue;
            var candidate = Path.Join(directory, program);
            // A non-executable file of that name earlier in PATH is passed over, as execvp does.
            if (PosixAt.IsExecutableFile(candidate)) return candidate;
        }
        throw new Win32Exception(ENoEnt);
    }

    /// <summary>
    /// How to start <paramref name="program"/> with <paramref name="arguments"/>, its file already
    /// resolved on PATH, output redirected, no shell.
    /// </summary>
    /// <exception cref="Win32Exception">ENOENT when the program is not on PATH.</exception>
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
