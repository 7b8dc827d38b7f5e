using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>Stands where the parser could not make sense of the input; a diagnostic was reported.</summary>
public sealed record ErrorExpr(TextSpan Span) : Expr(Span);
