namespace ConfigLang.Cli.Rendering;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>;
/// <see cref="In"/> is standard input (for <c>-</c> as a file). Tests pass their own writers to capture both.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TextReader? input = null)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In => input ?? Console.In;
}
