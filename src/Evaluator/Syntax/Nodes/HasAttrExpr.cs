using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>target ? a.b</c></summary>
public sealed record HasAttrExpr(TextSpan Span, Expr Target, AttrPath Path) : Expr(Span);
