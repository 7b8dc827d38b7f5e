using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>One token: a kind and where it is. A struct without text, so lexing allocates
/// nothing per token; the parser reads the text from the source only when it needs it.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);
}
