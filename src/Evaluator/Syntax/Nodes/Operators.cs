using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

public enum UnaryOperator
{
    /// <summary><c>!e</c></summary>
    Not,
    /// <summary><c>-e</c></summary>
    Negate,
}

public enum BinaryOperator
{
    Add, Subtract, Multiply, Divide,
    /// <summary><c>++</c></summary>
    Concat,
    /// <summary><c>//</c></summary>
    Update,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or,
    /// <summary><c>-&gt;</c></summary>
    Implies,
    /// <summary><c>|&gt;</c> (newer Nix; parsed so the error can say it is unsupported)</summary>
    PipeRight,
    /// <summary><c>&lt;|</c></summary>
    PipeLeft,
}

/// <summary><c>!e</c> or <c>-e</c></summary>
public sealed record UnaryExpr(TextSpan Span, UnaryOperator Operator, Expr Operand) : Expr(Span);

/// <summary>A binary operation. <see cref="OperatorSpan"/> points at the operator token itself;
/// <see cref="RightStart"/> at the right operand's first token (an opening parenthesis, which no node keeps).</summary>
public sealed record BinaryExpr(TextSpan Span, BinaryOperator Operator, TextSpan OperatorSpan, Expr Left, Expr Right, int RightStart) : Expr(Span);
