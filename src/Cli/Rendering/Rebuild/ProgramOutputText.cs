using System.Text;
using ConfigLang.Acme.Execution;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>The tail of a failing program's output (postRun), indented under its error line, each line with its
/// control characters escaped (<see cref="TerminalText"/>): the program prints what it likes.</summary>
public static class ProgramOutputText
{
    public static string Format(OutputTail? output)
    {
        if (output is null || output.Text.Length == 0) return "";
        var text = new StringBuilder(output.Truncated
            ? $"  its output (the end: at most {OutputTail.MaxLines} lines, {OutputTail.MaxBytes / 1024} KB):\n"
            : "  its output:\n");
        foreach (var line in output.Text.Split('\n')) text.Append("  | ").Append(TerminalText.EscapeLine(line)).Append('\n');
        return text.ToString();
    }
}
