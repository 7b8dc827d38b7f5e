using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>A piece of a string or path: literal text or an interpolation.</summary>
public abstract record StringPart(TextSpan Span);

/// <summary>Literal text with escapes already decoded and, for indented strings, indentation stripped.</summary>
public sealed record LiteralPart(TextSpan Span, string Text) : StringPart(Span);

/// <summary><c>${ expr }</c> inside a string, a path or an attribute name.</summary>
public sealed record InterpolationPart(TextSpan Span, Expr Expression) : StringPart(Span);
