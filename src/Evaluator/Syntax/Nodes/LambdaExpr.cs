using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>One formal parameter of a pattern: <c>name</c> or <c>name ? default</c>.</summary>
public sealed record Formal(TextSpan Span, string Name, Expr? Default);

/// <summary>The pattern <c>{ a, b ? 1, ... }</c>.</summary>
public sealed record Formals(TextSpan Span, IReadOnlyList<Formal> Items, bool Ellipsis)
{
    /// <summary>Up to this many formals, comparing names one by one is cheaper than hashing them.</summary>
    private const int SmallPatternSize = 8;

    private HashSet<string>? _names;

    /// <summary>Whether the pattern names <paramref name="name"/>. A large pattern is looked up in
    /// a set: every variable of a function's body is checked against its pattern, and scanning
    /// 40,000 formals for each made checking such a file quadratic.</summary>
    public bool Declares(string name)
    {
        var items = Items;
        if (items.Count <= SmallPatternSize)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Name == name) return true;
            }
            return false;
        }
        if (_names is null)
        {
            var names = new HashSet<string>(items.Count, StringComparer.Ordinal);
            foreach (var formal in items) names.Add(formal.Name);
            _names = names;
        }
        return _names.Contains(name);
    }
}

/// <summary>
/// A function: <c>x: body</c> (<see cref="ArgName"/> only), <c>{ a, b }: body</c>
/// (<see cref="Formals"/> only) or <c>args@{ a, ... }: body</c> / <c>{ a }@args: body</c> (both).
/// </summary>
public sealed record LambdaExpr(TextSpan Span, string? ArgName, Formals? Formals, Expr Body) : Expr(Span)
{
    /// <summary>Its frame's layout, kept by the lowering between scope resolution and binding
    /// (see <see cref="Identifier.Bound"/>); not part of the node's content.</summary>
    internal Lowering.LambdaFrame Frame;

    public bool Equals(LambdaExpr? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Span == other.Span && ArgName == other.ArgName && Equals(Formals, other.Formals) && Equals(Body, other.Body)));

    public override int GetHashCode() => HashCode.Combine(Span, ArgName, Formals, Body);
}
