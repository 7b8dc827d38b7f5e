namespace ConfigLang.Evaluator.Syntax;

/// <summary>The kinds of token the <see cref="Lexer"/> produces. String, indented-string and
/// path tokens come in pieces (open, text, interpolation, close) because the lexer switches
/// modes the way Nix's flex lexer does.</summary>
public enum TokenKind : byte
{
    EndOfFile,
    /// <summary>No token: used internally for "no match". Invalid characters are reported by the
    /// lexer and skipped, so the parser never sees them.</summary>
    Invalid,

    Identifier,
    Integer,
    Float,
    /// <summary><c>__curPos</c></summary>
    CurPos,

    // Keywords.
    If, Then, Else, Assert, With, Let, In, Rec, Inherit, OrKeyword,

    // Punctuation.
    OpenBrace, CloseBrace, OpenBracket, CloseBracket, OpenParen, CloseParen,
    Semicolon, Colon, Dot, Comma, Assign, At, Question, Ellipsis,

    // Operators.
    Plus, Minus, Star, Slash, Concat, Update, Not,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or, Implies, PipeRight, PipeLeft,

    /// <summary><c>${</c>, in strings, paths and attribute names.</summary>
    InterpolationOpen,

    /// <summary><c>"</c> opening a string.</summary>
    StringOpen,
    /// <summary>Raw text of a <c>"…"</c> string, escapes not yet decoded.</summary>
    StringText,
    /// <summary><c>"</c> closing a string.</summary>
    StringClose,

    /// <summary><c>''</c> (with the rest of its line when that is only spaces).</summary>
    IndentedStringOpen,
    /// <summary>Raw text of an indented string; takes part in indentation stripping.</summary>
    IndentedStringText,
    /// <summary><c>''$</c>, <c>'''</c>, <c>''\x</c> or a lone <c>$</c> / <c>'</c>: literal text that ends leading whitespace.</summary>
    IndentedStringEscape,
    /// <summary><c>''</c> closing an indented string.</summary>
    IndentedStringClose,

    /// <summary>The first segment of a path: <c>./a</c>, <c>/a/b</c>, <c>a/b</c>, or <c>./</c> before <c>${</c>.</summary>
    Path,
    /// <summary>The first segment of a home path: <c>~/a</c>, or <c>~/</c> before <c>${</c>.</summary>
    HomePath,
    /// <summary>A further literal segment of a path after an interpolation.</summary>
    PathText,
    /// <summary>Zero-length marker after the last piece of a path.</summary>
    PathEnd,
    /// <summary><c>&lt;nixpkgs/lib&gt;</c></summary>
    SearchPath,
    /// <summary><c>https://example.org/x</c></summary>
    Uri,
}
