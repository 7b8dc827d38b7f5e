using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>target.a.b</c>, optionally with a fallback: <c>target.a.b or default</c>.</summary>
public sealed record SelectExpr(TextSpan Span, Expr Target, AttrPath Path, Expr? Default) : Expr(Span);
