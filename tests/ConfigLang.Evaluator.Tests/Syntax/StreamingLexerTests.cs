using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The parser pulls tokens from the lexer as it goes and drops those it is past (a large file
/// once held all its tokens at once: 3 MB for a 660 KB module). These inputs cross the window's
/// edges: lookahead far past it, a path whose first token was dropped, lexing after the parser
/// gave up; what comes out must be what lexing the whole file first gave.
/// </summary>
public sealed class StreamingLexerTests
{
    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static IReadOnlyList<Diagnostic> Diagnostics(string text) => Parser.Parse(new SourceText(text, "t.nix")).Diagnostics;

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public void A_missing_semicolon_is_found_by_looking_past_a_dotted_name_of_any_length(int names)
    {
        // 'a = f' then 'b.c.c…c = 1;': the next binding, so the ';' after 'f' is missing.
        var text = "{ a = f\n  b" + Repeat(".c", names) + " = 1; }";

        var missing = Assert.Single(Diagnostics(text));

        Assert.Equal(SyntaxDiagnostics.MissingSemicolonCode, missing.Code);
        Assert.Equal(new LinePosition(1, 8), missing.Location!.Value.Start);
    }

    [Fact]
    public void A_trailing_slash_names_the_whole_path_when_its_first_token_was_parsed_long_before()
    {
        var interpolated = "${toString [" + Repeat(" 1", 2_000) + " ]}";
        var text = "[ " + Repeat("x ", 1_000) + "./a/" + interpolated + "/ ]";

        var diagnostics = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix")).Diagnostics;

        var slash = Assert.Single(diagnostics);
        Assert.Equal(SyntaxDiagnostics.PathTrailingSlashCode, slash.Code);
        Assert.Equal(text.IndexOf("./a/", StringComparison.Ordinal), slash.Location!.Value.Span.Start);
        Assert.StartsWith("path './a/${toString [ 1 1", slash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexical_errors_after_the_parser_gave_up_are_still_reported_in_file_order()
    {
        var text = "# ¤\n" + Repeat("(", 1_100) + "1" + Repeat(")", 1_100) + " ¤ /* open";

        var diagnostics = Diagnostics(text);

        Assert.Equal(
            [SyntaxDiagnostics.NestingTooDeepCode, SyntaxDiagnostics.InvalidCharacterCode, SyntaxDiagnostics.UnterminatedCommentCode],
            diagnostics.Select(d => d.Code));
        Assert.True(diagnostics[1].Location!.Value.Span.Start < diagnostics[2].Location!.Value.Span.Start);
    }

    [Fact]
    public void Parsing_a_large_file_does_not_hold_all_its_tokens_at_once()
    {
        // 20,000 list items, each 'x' in ten pairs of parentheses: 420,000 tokens, 5 MB as one
        // array (more while it grew), and a tree of 20,000 variables.
        const int items = 20_000;
        var text = "let x = 1; in [ " + Repeat(Repeat("(", 10) + "x" + Repeat(")", 10) + " ", items) + "]";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tree = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(tree.Diagnostics);
        Assert.True(allocated < 2_500_000, $"parsing allocated {allocated:N0} bytes");
    }
}
