using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering;

/// <summary>Writes diagnostics to the console's error stream as text (see <see cref="DiagnosticFormatter"/>),
/// coloured as the global <c>--color</c> option says (<see cref="CliConsole.UseColor"/>).</summary>
public sealed class ConsoleDiagnosticRenderer(CliConsole console)
{
    public void Write(IEnumerable<Diagnostic> diagnostics) =>
        console.Error.Write(new DiagnosticFormatter(console.UseColor(console.Error)).Format(diagnostics));
}
