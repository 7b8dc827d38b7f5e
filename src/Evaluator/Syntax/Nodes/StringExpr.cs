using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>A <c>"…"</c> or <c>''…''</c> string. <see cref="Indented"/> tells which, for printing.</summary>
public sealed record StringExpr(TextSpan Span, IReadOnlyList<StringPart> Parts, bool Indented) : Expr(Span);
