using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>[ a b c ]</c></summary>
public sealed record ListExpr(TextSpan Span, IReadOnlyList<Expr> Items) : Expr(Span);
