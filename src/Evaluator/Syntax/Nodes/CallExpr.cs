using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>Function application <c>f x</c>.</summary>
public sealed record CallExpr(TextSpan Span, Expr Function, Expr Argument) : Expr(Span);
