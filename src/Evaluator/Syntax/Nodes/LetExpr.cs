using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>let bindings in body</c></summary>
public sealed record LetExpr(TextSpan Span, IReadOnlyList<Binding> Bindings, Expr Body) : Expr(Span);

/// <summary>The legacy <c>let { bindings; body = e; }</c>: a recursive set whose <c>body</c> is the value.</summary>
public sealed record LegacyLetExpr(TextSpan Span, IReadOnlyList<Binding> Bindings) : Expr(Span);
