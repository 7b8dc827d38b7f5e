using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering;

/// <summary>Writes diagnostics to the console's error stream as text (see <see cref="DiagnosticFormatter"/>),
/// coloured as the global <c>--color</c> option says (<see cref="CliConsole.UseColor"/>), capped and cut as
/// <see cref="DiagnosticCap"/> says (at most <see cref="DiagnosticCap.MaxPerFile"/> per file, 1,000 per run, each cut
/// to size). <c>eval --parse</c> prints its syntax errors here, so they are cut too: they are ConfigLang's, not Nix's.</summary>
public sealed class ConsoleDiagnosticRenderer(CliConsole console)
{
    public void Write(IEnumerable<Diagnostic> diagnostics)
    {
        var formatter = new DiagnosticFormatter(console.UseColor(console.Error));
        foreach (var diagnostic in DiagnosticCap.Apply([.. diagnostics], d => d.Location?.Source.Name))
            console.Error.Write(formatter.Format(diagnostic));
    }
}
