using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// All the tokens of a source, taken the way the parser takes them: pulled from the streaming lexer
/// a few at a time, each batch dropped from its window once read. The window is kept as small as it
/// can be, so every test also crosses its edges (a path looking back at a token already dropped).
/// </summary>
internal static class LexedTokens
{
    /// <summary>The tokens, the end of file last.</summary>
    public static List<Token> Of(string text, DiagnosticBag? diagnostics = null)
    {
        var lexer = Lexer.Streaming(new SourceText(text, "t.nix"), diagnostics ?? new DiagnosticBag());
        var tokens = new List<Token>();
        var read = 0;
        while (lexer.LexMore())
        {
            tokens.AddRange(lexer.Buffer.AsSpan(read, lexer.Count - read));
            // The lexer keeps the last token (already read) when it drops the others.
            read = lexer.Count - lexer.Drop(lexer.Count);
        }
        return tokens;
    }
}
