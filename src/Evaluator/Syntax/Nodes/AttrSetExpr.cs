using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>{ … }</c> or <c>rec { … }</c>.</summary>
public sealed record AttrSetExpr(TextSpan Span, bool Recursive, IReadOnlyList<Binding> Bindings) : Expr(Span)
{
    /// <summary>The merged bindings, kept by the lowering between scope resolution and binding
    /// (see <see cref="Identifier.Bound"/>); not part of the node's content.</summary>
    internal MergedAttrs? Merged;

    public bool Equals(AttrSetExpr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Recursive == other.Recursive && Equals(Bindings, other.Bindings)));

    public override int GetHashCode() => HashCode.Combine(Span, Recursive, Bindings);
}
