using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>with scope; body</c></summary>
public sealed record WithExpr(TextSpan Span, Expr Scope, Expr Body) : Expr(Span);
