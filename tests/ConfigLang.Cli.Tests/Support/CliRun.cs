using ConfigLang.Cli.Composition;

namespace ConfigLang.Cli.Tests;

/// <summary>Runs the CLI in-process with captured standard output and error.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CliHost.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
