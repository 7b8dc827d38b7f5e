using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>with scope; body</c></summary>
public sealed record WithExpr(TextSpan Span, Expr Scope, Expr Body) : Expr(Span)
{
    /// <summary>The size of its frame, kept by the lowering between scope resolution and binding
    /// (see <see cref="Identifier.Bound"/>); not part of the node's content.</summary>
    internal int FrameSize;

    public bool Equals(WithExpr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Equals(Scope, other.Scope) && Equals(Body, other.Body)));

    public override int GetHashCode() => HashCode.Combine(Span, Scope, Body);
}
