using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>A variable reference such as <c>config</c>, <c>foo-bar</c> or <c>x'</c>.</summary>
public sealed record Identifier(TextSpan Span, string Name) : Expr(Span)
{
    /// <summary>The bound node reading the variable, made by the scope resolution of the tree's one
    /// lowering and taken by the binder right after (every evaluation parses its own tree). Kept on
    /// the node: a dictionary keyed by node was a sixth of the lowering time.</summary>
    internal Lowering.Bound.Node? Bound;

    /// <summary>The resolution is lowering state, not content: two identifiers are equal when
    /// they are the same name at the same place.</summary>
    public bool Equals(Identifier? other) =>
        other is not null && (ReferenceEquals(this, other) || (Span == other.Span && Name == other.Name));

    public override int GetHashCode() => HashCode.Combine(Span, Name);
}
