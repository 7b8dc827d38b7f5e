using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering;

/// <summary>Writes diagnostics to the console's error stream as text (see <see cref="DiagnosticFormatter"/>).</summary>
public sealed class ConsoleDiagnosticRenderer(CliConsole console)
{
    public void Write(IEnumerable<Diagnostic> diagnostics, ColorMode color = ColorMode.Auto)
    {
        var formatter = new DiagnosticFormatter(UseColor(color));
        console.Error.Write(formatter.Format(diagnostics));
    }

    private bool UseColor(ColorMode mode) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected &&
             string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
}
