using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

/// <summary>A diagnostic shows a window of a long line around its caret, not the whole line.</summary>
public sealed class SourceExcerptTests
{
    // Line 2 is 40,000 characters long; the character at each offset tells where it is.
    private static readonly string LongLine = string.Concat(Enumerable.Range(0, 4_000).Select(i => (i % 10).ToString() + "abcdefghi"));
    private static readonly SourceText Source = new("short line\n" + LongLine + "\nend\n", "long.nix");
    private const int LongLineStart = 11;

    [Fact]
    public void A_short_line_is_shown_whole()
    {
        var excerpt = SourceExcerpt.At(Source, 1, 7, 4);

        Assert.Equal(new SourceExcerpt("short line", 6, 4, 0), excerpt);
    }

    [Fact]
    public void A_long_line_is_cut_to_a_window_around_the_caret_marked_at_both_ends()
    {
        var excerpt = SourceExcerpt.At(Source, 2, 20_001, 3);

        Assert.StartsWith(SourceExcerpt.Ellipsis, excerpt.Text);
        Assert.EndsWith(SourceExcerpt.Ellipsis, excerpt.Text);
        Assert.Equal(SourceExcerpt.MaxWidth + 2 * SourceExcerpt.Ellipsis.Length, excerpt.Text.Length);
        Assert.Equal(LongLine.Substring(20_000, 3), excerpt.Text.Substring(excerpt.CaretColumn, 3));
        Assert.Equal(3, excerpt.CaretLength);
    }

    [Fact]
    public void Near_the_start_or_end_of_a_long_line_only_the_other_end_is_cut()
    {
        var start = SourceExcerpt.At(Source, 2, 5, 1);
        Assert.Equal(LongLine[..SourceExcerpt.MaxWidth] + SourceExcerpt.Ellipsis, start.Text);
        Assert.Equal(4, start.CaretColumn);

        var end = SourceExcerpt.At(Source, 2, LongLine.Length, 1);
        Assert.Equal(SourceExcerpt.Ellipsis + LongLine[^SourceExcerpt.MaxWidth..], end.Text);
        Assert.Equal(LongLine[^1], end.Text[end.CaretColumn]);
    }

    [Fact]
    public void Neighbour_lines_are_cut_at_the_same_columns_and_an_empty_one_stays_empty()
    {
        var source = new SourceText(LongLine + "\nend\n\n", "neighbours.nix");
        var excerpt = SourceExcerpt.At(source, 1, 20_001, 1);

        Assert.Equal(SourceExcerpt.Ellipsis, excerpt.OtherLine(source, 2));
        Assert.Equal("", excerpt.OtherLine(source, 3));
    }

    [Fact]
    public void Carets_stop_at_the_end_of_the_window()
    {
        var excerpt = SourceExcerpt.At(Source, 2, 20_001, 30_000);

        Assert.Equal(excerpt.Text.Length - SourceExcerpt.Ellipsis.Length, excerpt.CaretColumn + excerpt.CaretLength);
    }

    [Fact]
    public void The_text_format_shows_windows_for_the_primary_span_and_the_labels()
    {
        var diagnostic = Diagnostic.Error("CL0013", "attribute 'a' is already defined", new SourceLocation(Source, new TextSpan(LongLineStart + 30_000, 1)))
            .WithLabel(new SourceLocation(Source, new TextSpan(LongLineStart + 10_000, 1)), "first defined here");

        var text = new DiagnosticFormatter().Format(diagnostic);

        Assert.True(text.Length < 1_000, $"{text.Length} characters");
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= SourceExcerpt.MaxWidth + 10, line));
        var lines = text.Split('\n');
        // The caret is under the character the span starts at.
        var sourceLine = lines[3];
        var caretLine = lines[4];
        Assert.Equal(LongLine[30_000], sourceLine[caretLine.IndexOf('^')]);
        Assert.Contains("^ first defined here", text);
    }

    [Fact]
    public void The_nix_style_error_format_shows_a_window_too()
    {
        var diagnostic = Diagnostic.Error("CL1000", "boom", new SourceLocation(Source, new TextSpan(LongLineStart + 30_000, 1)));

        var text = ErrorFormatter.Format(diagnostic, [], false);

        Assert.True(text.Length < 1_000, $"{text.Length} characters");
        var lines = text.Split('\n');
        var sourceLine = lines.Single(l => l.Contains(" 2| "));
        var caretLine = lines[Array.IndexOf(lines, sourceLine) + 1];
        Assert.Equal(LongLine[30_000], sourceLine[caretLine.IndexOf('^')]);
    }
}
