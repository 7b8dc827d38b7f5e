using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary><c>{ … }</c> or <c>rec { … }</c>; <paramref name="OpenBrace"/> is the offset of its <c>{</c> (after any
/// <c>rec</c>), where Nix 2.8 places the set in some errors.</summary>
public sealed record AttrSetExpr(TextSpan Span, bool Recursive, IReadOnlyList<Binding> Bindings, int OpenBrace) : Expr(Span)
{
    /// <summary>The merged bindings, kept by the lowering between scope resolution and binding
    /// (see <see cref="Identifier.Bound"/>); not part of the node's content.</summary>
    internal MergedAttrs? Merged;

    public bool Equals(AttrSetExpr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Recursive == other.Recursive && Equals(Bindings, other.Bindings)));

    public override int GetHashCode() => HashCode.Combine(Span, Recursive, Bindings);
}
