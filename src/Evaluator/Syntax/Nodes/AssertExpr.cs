using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>assert condition; body</c></summary>
public sealed record AssertExpr(TextSpan Span, Expr Condition, Expr Body) : Expr(Span);
