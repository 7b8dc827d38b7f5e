using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>
/// <c>__curPos</c>: a keyword (not a variable, so it cannot be shadowed) that evaluates to
/// <c>{ file; line; column; }</c> of its own position, taken from <see cref="Expr.Span"/>.
/// </summary>
public sealed record CurPosExpr(TextSpan Span) : Expr(Span);
