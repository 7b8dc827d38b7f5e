using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>if condition then a else b</c></summary>
public sealed record IfExpr(TextSpan Span, Expr Condition, Expr Then, Expr Else) : Expr(Span);
