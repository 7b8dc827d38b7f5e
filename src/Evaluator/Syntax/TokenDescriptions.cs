namespace ConfigLang.Evaluator.Syntax;

/// <summary>How a token is named in a message: one readable phrase per kind.</summary>
public static class TokenDescriptions
{
    /// <summary>The phrase for a token, quoting its text when that helps ("identifier 'foo'").</summary>
    public static string Describe(Token token, string text)
    {
        var lexeme = text.Substring(token.Start, Math.Min(token.Length, 40));
        return token.Kind switch
        {
            TokenKind.Identifier => $"identifier '{lexeme}'",
            TokenKind.Integer => $"integer '{lexeme}'",
            TokenKind.Float => $"floating-point literal '{lexeme}'",
            TokenKind.Path or TokenKind.HomePath or TokenKind.PathText => $"path '{lexeme}'",
            TokenKind.SearchPath => $"search path '{lexeme}'",
            TokenKind.Uri => $"URI '{lexeme}'",
            TokenKind.Invalid => $"invalid character '{lexeme}'",
            _ => Describe(token.Kind),
        };
    }

    /// <summary>The phrase for a kind of token, without its text.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Invalid => "invalid character",
        TokenKind.Identifier => "identifier",
        TokenKind.Integer => "integer",
        TokenKind.Float => "floating-point literal",
        TokenKind.CurPos => "'__curPos'",
        TokenKind.If => "'if'",
        TokenKind.Then => "'then'",
        TokenKind.Else => "'else'",
        TokenKind.Assert => "'assert'",
        TokenKind.With => "'with'",
        TokenKind.Let => "'let'",
        TokenKind.In => "'in'",
        TokenKind.Rec => "'rec'",
        TokenKind.Inherit => "'inherit'",
        TokenKind.OrKeyword => "'or'",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.OpenParen => "'('",
        TokenKind.CloseParen => "')'",
        TokenKind.Semicolon => "';'",
        TokenKind.Colon => "':'",
        TokenKind.Dot => "'.'",
        TokenKind.Comma => "','",
        TokenKind.Assign => "'='",
        TokenKind.At => "'@'",
        TokenKind.Question => "'?'",
        TokenKind.Ellipsis => "'...'",
        TokenKind.Plus => "'+'",
        TokenKind.Minus => "'-'",
        TokenKind.Star => "'*'",
        TokenKind.Slash => "'/'",
        TokenKind.Concat => "'++'",
        TokenKind.Update => "'//'",
        TokenKind.Not => "'!'",
        TokenKind.Equal => "'=='",
        TokenKind.NotEqual => "'!='",
        TokenKind.Less => "'<'",
        TokenKind.LessOrEqual => "'<='",
        TokenKind.Greater => "'>'",
        TokenKind.GreaterOrEqual => "'>='",
        TokenKind.And => "'&&'",
        TokenKind.Or => "'||'",
        TokenKind.Implies => "'->'",
        TokenKind.PipeRight => "'|>'",
        TokenKind.PipeLeft => "'<|'",
        TokenKind.InterpolationOpen => "'${'",
        TokenKind.StringOpen => "start of a string",
        TokenKind.StringText => "string text",
        TokenKind.StringClose => "end of a string",
        TokenKind.IndentedStringOpen => "start of an indented string",
        TokenKind.IndentedStringText or TokenKind.IndentedStringEscape => "indented string text",
        TokenKind.IndentedStringClose => "end of an indented string",
        TokenKind.Path or TokenKind.PathText => "path",
        TokenKind.HomePath => "'~/…' path",
        TokenKind.PathEnd => "end of a path",
        TokenKind.SearchPath => "'<…>' path",
        TokenKind.Uri => "URI",
        _ => kind.ToString(),
    };
}
