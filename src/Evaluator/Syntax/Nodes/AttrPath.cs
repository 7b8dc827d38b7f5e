using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>One name of an attribute path: <c>a</c>, <c>"a b"</c> or <c>${expr}</c>.</summary>
public abstract record AttrName(TextSpan Span);

/// <summary>A name known without evaluation: an identifier or a string without interpolation.</summary>
public sealed record StaticAttrName(TextSpan Span, string Name) : AttrName(Span);

/// <summary>A name computed at evaluation: <c>${e}</c> or <c>"x${e}"</c>.</summary>
public sealed record DynamicAttrName(TextSpan Span, Expr Expression) : AttrName(Span);

/// <summary>
/// A dotted attribute path such as <c>security.acme.certs."example.org"</c>; a value inside its
/// binding, selection or <c>?</c> (one object less for every binding of a file).
/// </summary>
public readonly record struct AttrPath(TextSpan Span, IReadOnlyList<AttrName> Names);
