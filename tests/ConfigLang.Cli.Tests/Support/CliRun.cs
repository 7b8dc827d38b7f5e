using ConfigLang.Cli.Composition;

namespace ConfigLang.Cli.Tests;

/// <summary>Runs the CLI in-process with captured standard output and error, and its own standard input
/// (empty unless given), so tests never touch the process-wide <see cref="Console.In"/>.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Invoke(params string[] args) => Run(TextReader.Null, args);

    /// <summary>Runs with <paramref name="standardInput"/> as the text <c>-</c> reads.</summary>
    public static CliRun InvokeWithInput(string standardInput, params string[] args) => Run(new StringReader(standardInput), args);

    private static CliRun Run(TextReader stdin, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CliHost.Run(args, stdout, stderr, stdin);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
