using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>let bindings in body</c></summary>
public sealed record LetExpr(TextSpan Span, IReadOnlyList<Binding> Bindings, Expr Body) : Expr(Span)
{
    /// <summary>The merged bindings and where their slots are, kept by the lowering between scope
    /// resolution and binding (see <see cref="Identifier.Bound"/>); not part of the node's content.</summary>
    internal MergedAttrs? Merged;

    /// <inheritdoc cref="Merged"/>
    internal LetFrame Frame;

    public bool Equals(LetExpr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Equals(Bindings, other.Bindings) && Equals(Body, other.Body)));

    public override int GetHashCode() => HashCode.Combine(Span, Bindings, Body);
}

/// <summary>The legacy <c>let { bindings; body = e; }</c>: a recursive set whose <c>body</c> is the value.</summary>
public sealed record LegacyLetExpr(TextSpan Span, IReadOnlyList<Binding> Bindings) : Expr(Span)
{
    /// <inheritdoc cref="AttrSetExpr.Merged"/>
    internal MergedAttrs? Merged;

    public bool Equals(LegacyLetExpr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Equals(Bindings, other.Bindings)));

    public override int GetHashCode() => HashCode.Combine(Span, Bindings);
}
