using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// The part of a source line that a diagnostic shows under its location: the whole line when it
/// is at most <see cref="MaxWholeLine"/> characters, otherwise a window of <see cref="MaxWidth"/> characters
/// around the caret, with <see cref="Ellipsis"/> where the line was cut. Without the window, a
/// file written on one line (generated, minified, hostile) repeated that whole line in every
/// diagnostic: 10,000 errors on a 40 KB line made 1 GB of output.
/// </summary>
/// <param name="Text">The text to print (cut ends marked with <see cref="Ellipsis"/>).</param>
/// <param name="CaretColumn">0-based column of the caret within <see cref="Text"/>.</param>
/// <param name="CaretLength">How many carets to draw (at least one, never past the window).</param>
/// <param name="WindowStart">0-based column of the line where the window starts, so that the
/// lines around it can be cut the same way (see <see cref="OtherLine"/>).</param>
public readonly record struct SourceExcerpt(string Text, int CaretColumn, int CaretLength, int WindowStart)
{
    /// <summary>The most characters of a line shown (not counting the ellipses).</summary>
    public const int MaxWidth = 120;

    /// <summary>A line up to this long is shown whole: hand-written lines (a long comment, a
    /// long string) read better uncut, and the output stays bounded all the same.</summary>
    public const int MaxWholeLine = 200;

    /// <summary>How many characters before the caret a cut window keeps, for context.</summary>
    private const int ContextBefore = 40;

    public const string Ellipsis = "…";

    /// <summary>The excerpt of 1-based <paramref name="line"/> with the caret at 1-based
    /// <paramref name="column"/>, <paramref name="caretLength"/> characters long (cut at the end
    /// of the line, or of the window).</summary>
    /// <param name="lineFeedsOnly">Number the lines as Nix 2.8 reads them back (<see cref="SourceText.LineFeedLineStarts"/>).</param>
    public static SourceExcerpt At(SourceText source, int line, int column, int caretLength, bool lineFeedsOnly = false)
    {
        var (lineStart, lineLength) = Bounds(source, line, lineFeedsOnly);
        var caret = Math.Clamp(column - 1, 0, lineLength);
        if (lineLength <= MaxWholeLine)
            return new SourceExcerpt(source.Text.Substring(lineStart, lineLength), caret, Math.Max(1, Math.Min(caretLength, lineLength - caret)), 0);
        var windowStart = Math.Max(0, Math.Min(caret - ContextBefore, lineLength - MaxWidth));
        var text = Cut(source.Text, lineStart, lineLength, windowStart);
        var shownCaret = caret - windowStart + (windowStart > 0 ? Ellipsis.Length : 0);
        var shownLength = Math.Max(1, Math.Min(caretLength, windowStart + MaxWidth - caret));
        return new SourceExcerpt(text, shownCaret, shownLength, windowStart);
    }

    /// <summary>Another line (a neighbour shown for context) cut at the same columns.</summary>
    public string OtherLine(SourceText source, int line, bool lineFeedsOnly = false)
    {
        var (lineStart, lineLength) = Bounds(source, line, lineFeedsOnly);
        return lineLength <= MaxWholeLine && WindowStart == 0
            ? source.Text.Substring(lineStart, lineLength)
            : Cut(source.Text, lineStart, lineLength, WindowStart);
    }

    private static string Cut(string text, int lineStart, int lineLength, int windowStart)
    {
        // An empty line stays empty; a line that ends before the window is marked as cut.
        if (lineLength == 0) return "";
        if (windowStart >= lineLength) return windowStart > 0 ? Ellipsis : "";
        var shown = Math.Min(MaxWidth, lineLength - windowStart);
        var before = windowStart > 0 ? Ellipsis : "";
        var after = windowStart + shown < lineLength ? Ellipsis : "";
        return string.Concat(before, text.AsSpan(lineStart + windowStart, shown), after);
    }

    /// <summary>Where a 1-based line starts and how long it is without its line break; an
    /// empty line past the end of the source.</summary>
    private static (int Start, int Length) Bounds(SourceText source, int line, bool lineFeedsOnly)
    {
        var starts = lineFeedsOnly ? source.LineFeedLineStarts : source.LineStarts;
        if (line < 1 || line > starts.Count) return (0, 0);
        var text = source.Text;
        var start = starts[line - 1];
        var end = line < starts.Count ? starts[line] : text.Length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return (start, end - start);
    }
}
