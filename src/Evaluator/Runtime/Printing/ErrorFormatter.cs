using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Printing;

/// <summary>
/// Renders an evaluation failure as Nix does: <c>error: message</c>, the location
/// (<c>at FILE:LINE:COL:</c>) with the source line and a caret, and with <c>--show-trace</c>
/// every frame ("… while evaluating the attribute 'x'") with its own location.
/// Only eval asks for Nix 2.8's own output (<c>nixCompatible</c>); every other command keeps the precise
/// location and every frame.
/// </summary>
public static class ErrorFormatter
{
    /// <param name="trace">For eval (<paramref name="nixCompatible"/>), the whole trace: the frames Nix 2.8 prints are
    /// chosen here (<see cref="TraceFrame.IsShownByEval"/>). For the other commands, the frames to print, chosen and bounded
    /// by the caller (<see cref="TraceFrame.IsShownOutsideEval"/>, as show's and options' QueryOutcome does).</param>
    public static string Format(Diagnostic diagnostic, IReadOnlyList<TraceFrame> trace, bool showTrace, bool nixCompatible = false)
    {
        var output = new StringBuilder();
        output.Append("error: ").Append(Indent(nixCompatible && diagnostic.NixMessage is { } nixMessage ? nixMessage : diagnostic.Message)).Append('\n');
        // Nix 2.8 gives throw and abort no position (we keep ours for lint), and locates some errors
        // elsewhere than our precise span, or nowhere (see NixErrorPosition).
        if (!IsPrintedWithoutPosition(diagnostic.Code)) AppendLocation(output, nixCompatible && diagnostic.NixPosition is { } nix ? nix.Location : diagnostic.Location, nixCompatible, readsLinesAsNix28: nixCompatible);
        if (diagnostic.Suggestions.Count > 0) output.Append(output[^1] == '\n' ? "" : "\n").Append("       Did you mean ").Append(Suggested(diagnostic.Suggestions)).Append("?\n");
        // Eval prints the frames Nix 2.8 has; the other commands' callers chose theirs.
        var frames = nixCompatible ? [.. trace.Where(frame => frame.IsShownByEval)] : trace;
        if (showTrace)
        {
            // Deep recursion repeats the same frames thousands of times: show each run once.
            foreach (var run in TraceRun.Of(frames))
            {
                var frame = run.Frame;
                output.Append("\n       … ").Append(Indent(frame.Message)).Append('\n');
                AppendLocation(output, nixCompatible ? frame.NixLocation : frame.Location, nixCompatible, readsLinesAsNix28: nixCompatible);
                if (frame.CallSite is { } call)
                {
                    output.Append("\n       … from call site\n");
                    AppendLocation(output, call.Location, nixCompatible, readsLinesAsNix28: nixCompatible);
                }
                if (run.Omitted is { } omitted) output.Append("       ").Append(omitted).Append('\n');
            }
        }
        // Nix 2.8 ends the message at its last printed line: no blank line after the source.
        var text = output.ToString().TrimEnd('\n', ' ') + "\n";
        // Nix 2.8 collects call frames only under --show-trace, so only the others earn the hint.
        if (!showTrace && frames.Any(frame => frame.Nix != NixTraceFrame.WithShowTrace)) text += "(use '--show-trace' to show detailed location information)\n";
        if (nixCompatible && diagnostic.IsNixUsageError) text += "Try 'nix-instantiate --help' for more information.\n";
        return text;
    }

    /// <summary>Nix's list of suggestions: <c>y</c>, or <c>one of x, y or z</c>.</summary>
    private static string Suggested(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : "one of " + string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private static bool IsPrintedWithoutPosition(string code) =>
        code is EvaluationDiagnostics.Thrown or EvaluationDiagnostics.Aborted;

    /// <summary>
    /// A warning with its location, as Nix prints lint warnings: <c>warning: message</c>, then
    /// the location and source lines indented under the message, without blank lines.
    /// </summary>
    public static string FormatWarning(string message, SourceLocation location)
    {
        var output = new StringBuilder();
        output.Append("warning: ").Append(message);
        AppendLocation(output, location, byteColumns: true, "         ", "\n", "          ", showsFileEnd: true);
        return output.ToString().TrimEnd('\n');
    }

    private static string Indent(string message) => message.Replace("\n", "\n       ");

    /// <param name="byteColumns">Count columns in bytes, as Nix does (eval's output), rather than in chars, as editors do.</param>
    /// <param name="readsLinesAsNix28">Show the source lines as Nix 2.8 reads them back (eval's errors): see <see cref="NixShownLines"/>.</param>
    private static void AppendLocation(StringBuilder output, SourceLocation? location, bool byteColumns, string indent = "       ", string afterHeader = "\n\n", string sourceIndent = "        ", bool showsFileEnd = false, bool readsLinesAsNix28 = false)
    {
        if (location is not { Source: not null } loc) return;
        var start = loc.Start;
        var byteColumn = byteColumns ? loc.Source.GetByteColumn(loc.Span.Start, start) : 0;
        output.Append('\n').Append(indent).Append("at ").Append(loc.Source.Name).Append(':').Append(start.Line).Append(':').Append(byteColumns ? byteColumn : start.Column).Append(':');
        var lastShown = readsLinesAsNix28 ? NixShownLines(loc.Source) : loc.Source.LineCount;
        // Nix 2.8 shows no lines when it could not read the error's own, and goes on right after the header.
        if (start.Line > lastShown) return;
        output.Append(afterHeader);
        var width = (start.Line + 1).ToString().Length;
        // A long line is shown as a window around the caret, its neighbours cut at the same columns.
        var excerpt = SourceExcerpt.At(loc.Source, start.Line, start.Column, 1, readsLinesAsNix28);
        // Nix counts columns in bytes, in the header and in the caret's indent alike (a line cut to a window is ours).
        var caretPad = byteColumns && excerpt.WindowStart == 0 ? byteColumn - 1 : excerpt.CaretColumn;
        void Line(int number)
        {
            if (number < 1 || number > lastShown) return;
            // Nix 2.8 reads a file by lines: the empty end after its last line break is no line (an expression's
            // is). The warnings' layout is newer Nix's, which shows it.
            if (!showsFileEnd && !readsLinesAsNix28 && number > start.Line && number == loc.Source.LineCount && !loc.Source.IsExpression && loc.Source.Text.EndsWith('\n')) return;
            var text = number == start.Line ? excerpt.Text : excerpt.OtherLine(loc.Source, number, readsLinesAsNix28);
            // Nix 2.8 prints no carriage return (its logger drops them), so a line a lone one is in shows without it.
            if (readsLinesAsNix28) text = text.Replace("\r", "");
            // An empty line ends at the bar, as Nix prints it: no trailing space.
            var shown = text.TrimEnd();
            output.Append(sourceIndent).Append(' ', 5 - Math.Min(width, 5)).Append(number.ToString().PadLeft(width)).Append(shown.Length == 0 ? "|" : "| ")
                .Append(shown).Append('\n');
        }
        Line(start.Line - 1);
        Line(start.Line);
        output.Append(sourceIndent).Append(' ', 5 - Math.Min(width, 5)).Append(' ', width).Append("| ")
            .Append(' ', caretPad).Append('^').Append('\n');
        Line(start.Line + 1);
    }

    /// <summary>
    /// The last line Nix 2.8 can show of <paramref name="source"/>. It reads the source back by line feeds (so the
    /// lines shown are numbered by line feeds, while the header's line counts a lone carriage return too), and
    /// from a file only lines a line feed ends: not the empty end after the last one, nor a last line without one
    /// (an error there shows no lines at all). An expression's last line is shown. <c>derivation</c>'s own source
    /// is no file, so none of its lines is shown.
    /// </summary>
    private static int NixShownLines(SourceText source) =>
        source.IsBuiltIntoNix ? 0 : source.LineFeedLineStarts.Count - (source.IsExpression ? 0 : 1);
}
