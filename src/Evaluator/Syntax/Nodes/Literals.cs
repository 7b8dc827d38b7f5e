using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>An integer literal such as <c>42</c>.</summary>
public sealed record IntLiteral(TextSpan Span, long Value) : Expr(Span);

/// <summary>A float literal such as <c>1.5</c>, <c>.5</c> or <c>1e3</c>.</summary>
public sealed record FloatLiteral(TextSpan Span, double Value) : Expr(Span);

/// <summary>An unquoted URI such as <c>https://example.org/x</c> (a string to the evaluator).</summary>
public sealed record UriLiteral(TextSpan Span, string Value) : Expr(Span);

/// <summary>A search path such as <c>&lt;nixpkgs/lib&gt;</c>; <see cref="Name"/> is <c>nixpkgs/lib</c>.</summary>
public sealed record SearchPathExpr(TextSpan Span, string Name) : Expr(Span);
