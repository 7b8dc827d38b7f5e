using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>A variable reference such as <c>config</c>, <c>foo-bar</c> or <c>x'</c>.</summary>
public sealed record Identifier(TextSpan Span, string Name) : Expr(Span);
