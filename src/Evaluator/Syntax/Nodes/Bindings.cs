using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>A binding of an attribute set or <c>let</c>.</summary>
public abstract record Binding(TextSpan Span);

/// <summary><c>path = value;</c></summary>
public sealed record AttrBinding(TextSpan Span, AttrPath Path, Expr Value) : Binding(Span);

/// <summary><c>inherit a b;</c> or, with <see cref="From"/>, <c>inherit (e) a b;</c>.</summary>
public sealed record InheritBinding(TextSpan Span, Expr? From, IReadOnlyList<AttrName> Names) : Binding(Span);
