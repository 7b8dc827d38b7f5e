using ConfigLang.Cli.Rendering.DiagnosticFormats;

namespace ConfigLang.Cli.Rendering;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>;
/// <see cref="In"/> is standard input (for <c>-</c> as a file): the process's unless a reader is passed.
/// Tests pass their own writers to capture both, and their own reader.
/// <see cref="Color"/> is the global <c>--color</c> choice, which every text diagnostic honours.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TextReader? input = null)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In => input ?? Console.In;

    /// <summary>
    /// Writes a result that is bytes (an evaluated value: Nix strings need not be UTF-8): to the
    /// process's standard output as they are, or, to a writer a test passed, as <paramref name="text"/>
    /// (the same output decoded).
    /// </summary>
    public void WriteOutBytes(byte[] bytes, string text)
    {
        if (!ReferenceEquals(Unguarded(Out), Console.Out))
        {
            Out.Write(text);
            return;
        }
        Out.Flush();
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(bytes);
        stdout.Flush();
    }

    /// <summary><c>--color</c>; set once the command line is parsed.</summary>
    public ColorMode Color { get; set; } = ColorMode.Auto;

    /// <summary>Whether text written to <paramref name="stream"/> gets ANSI colours (see <see cref="ColorDecision"/>).</summary>
    public bool UseColor(TextWriter stream) => ColorDecision.UseColor(
        Color, isTerminal: IsTerminal(stream), noColor: Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>True when <paramref name="stream"/> is the process's own stdout or stderr and that is a terminal (tests' writers never are).</summary>
    public static bool IsTerminal(TextWriter stream) =>
        ReferenceEquals(Unguarded(stream), Console.Error) ? !Console.IsErrorRedirected
            : ReferenceEquals(Unguarded(stream), Console.Out) && !Console.IsOutputRedirected;

    /// <summary>The writer under a <see cref="CommandMarkerGuard"/>: the one a terminal check compares.</summary>
    private static TextWriter Unguarded(TextWriter stream) => stream is CommandMarkerGuard guard ? guard.Inner : stream;

    /// <summary>True when <paramref name="stream"/> can show lines rewritten in place: a terminal that is not <c>TERM=dumb</c>.</summary>
    public static bool IsLiveTerminal(TextWriter stream) =>
        IsTerminal(stream) && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");

    /// <summary>The diagnostic writer settings for output to <paramref name="stream"/>.</summary>
    public DiagnosticWriterOptions DiagnosticOptions(TextWriter stream) =>
        DiagnosticWriterOptions.Default with { UseColor = UseColor(stream) };
}
