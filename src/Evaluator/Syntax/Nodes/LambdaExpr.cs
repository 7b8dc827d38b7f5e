using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>One formal parameter of a pattern: <c>name</c> or <c>name ? default</c>.</summary>
public sealed record Formal(TextSpan Span, string Name, Expr? Default);

/// <summary>The pattern <c>{ a, b ? 1, ... }</c>.</summary>
public sealed record Formals(TextSpan Span, IReadOnlyList<Formal> Items, bool Ellipsis);

/// <summary>
/// A function: <c>x: body</c> (<see cref="ArgName"/> only), <c>{ a, b }: body</c>
/// (<see cref="Formals"/> only) or <c>args@{ a, ... }: body</c> / <c>{ a }@args: body</c> (both).
/// </summary>
public sealed record LambdaExpr(TextSpan Span, string? ArgName, Formals? Formals, Expr Body) : Expr(Span);
