using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

public sealed class LexerTests
{
    private static (TokenKind Kind, string Text)[] Lex(string text, DiagnosticBag? diagnostics = null)
    {
        var tokens = LexedTokens.Of(text, diagnostics);
        return tokens.Take(tokens.Count - 1).Select(t => (t.Kind, text.Substring(t.Start, t.Length))).ToArray();
    }

    [Theory]
    [InlineData("a/b", TokenKind.Path)]
    [InlineData("./a", TokenKind.Path)]
    [InlineData("../a/b.nix", TokenKind.Path)]
    [InlineData("/etc/hosts", TokenKind.Path)]
    [InlineData("~/a", TokenKind.HomePath)]
    [InlineData("<nixpkgs/lib>", TokenKind.SearchPath)]
    [InlineData("x:x", TokenKind.Uri)]
    [InlineData("https://example.org/a?b=c", TokenKind.Uri)]
    [InlineData("1.5", TokenKind.Float)]
    [InlineData(".5", TokenKind.Float)]
    [InlineData("1.5e-3", TokenKind.Float)]
    [InlineData("42", TokenKind.Integer)]
    [InlineData("foo-bar'", TokenKind.Identifier)]
    [InlineData("iff", TokenKind.Identifier)]
    [InlineData("or", TokenKind.OrKeyword)]
    [InlineData("__curPos", TokenKind.CurPos)]
    [InlineData("...", TokenKind.Ellipsis)]
    [InlineData("//", TokenKind.Update)]
    [InlineData("->", TokenKind.Implies)]
    [InlineData("++", TokenKind.Concat)]
    public void The_longest_match_decides_the_kind(string text, TokenKind kind)
    {
        var tokens = Lex(text);
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(text, tokens[0].Text);
    }

    [Fact]
    public void A_dot_between_identifiers_is_a_selection_not_a_path()
    {
        Assert.Equal([TokenKind.Identifier, TokenKind.Dot, TokenKind.Identifier], Lex("a.b").Select(t => t.Kind));
        Assert.Equal([TokenKind.Identifier, TokenKind.Less, TokenKind.Identifier], Lex("a < b").Select(t => t.Kind));
    }

    [Fact]
    public void A_string_is_lexed_in_pieces_around_interpolations()
    {
        Assert.Equal(
            [(TokenKind.StringOpen, "\""), (TokenKind.StringText, "a"), (TokenKind.InterpolationOpen, "${"), (TokenKind.Identifier, "b"),
             (TokenKind.CloseBrace, "}"), (TokenKind.StringText, "c\\\""), (TokenKind.StringClose, "\"")],
            Lex("\"a${b}c\\\"\""));
    }

    [Fact]
    public void Dollar_dollar_brace_is_text_in_a_string()
    {
        Assert.Equal([TokenKind.StringOpen, TokenKind.StringText, TokenKind.StringClose], Lex("\"$${x}\"").Select(t => t.Kind));
    }

    [Fact]
    public void Indented_string_escapes_are_their_own_tokens()
    {
        Assert.Equal(
            [(TokenKind.IndentedStringOpen, "''"), (TokenKind.IndentedStringText, "a"), (TokenKind.IndentedStringEscape, "''$"),
             (TokenKind.IndentedStringText, "b"), (TokenKind.IndentedStringEscape, "'''"), (TokenKind.IndentedStringEscape, "''\\n"),
             (TokenKind.IndentedStringClose, "''")],
            Lex("''a''$b'''''\\n''"));
    }

    [Fact]
    public void A_path_with_an_interpolation_ends_with_a_path_end_marker()
    {
        Assert.Equal(
            [(TokenKind.Path, "./"), (TokenKind.InterpolationOpen, "${"), (TokenKind.Identifier, "x"), (TokenKind.CloseBrace, "}"),
             (TokenKind.PathText, ".nix"), (TokenKind.PathEnd, "")],
            Lex("./${x}.nix"));
    }

    [Fact]
    public void Comments_are_skipped()
    {
        Assert.Equal([TokenKind.Integer, TokenKind.Plus, TokenKind.Integer], Lex("1 # one\n + /* two */ 2").Select(t => t.Kind));
    }

    [Fact]
    public void Lexical_errors_are_reported_and_lexing_goes_on()
    {
        var diagnostics = new DiagnosticBag();
        var tokens = Lex("1 £ 2 ./a/ /* open", diagnostics);

        Assert.Equal([TokenKind.Integer, TokenKind.Integer, TokenKind.Path, TokenKind.PathEnd], tokens.Select(t => t.Kind));
        Assert.Equal(
            [SyntaxDiagnostics.InvalidCharacterCode, SyntaxDiagnostics.PathTrailingSlashCode, SyntaxDiagnostics.UnterminatedCommentCode],
            diagnostics.Items.Select(d => d.Code));
    }
}
