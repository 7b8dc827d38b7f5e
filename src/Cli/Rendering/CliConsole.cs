namespace ConfigLang.Cli.Rendering;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.
/// Tests pass their own writers to capture both.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;
}
