using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>{ … }</c> or <c>rec { … }</c>.</summary>
public sealed record AttrSetExpr(TextSpan Span, bool Recursive, IReadOnlyList<Binding> Bindings) : Expr(Span);
