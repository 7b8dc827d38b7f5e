using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>
/// A node of the syntax tree. Every node carries the span of the source text it came from, so
/// that every later diagnostic (evaluation, module merge, checks) can point back at it.
/// The tree keeps the shape the user wrote (dotted attribute paths, <c>inherit</c>,
/// interpolation); desugaring is the evaluator's business.
/// </summary>
public abstract record Expr(TextSpan Span);
