using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// The bindings of one set or <c>let</c> after attribute paths are split and merged
/// (<c>a.b = 1; a.c = 2;</c> is one nested set <c>a</c>), before names are resolved. Nix merges
/// a path into an existing set literal, keeping that literal's <c>rec</c> flag; so does this.
/// </summary>
internal sealed class PendingSet(bool recursive, TextSpan span)
{
    public bool Recursive { get; } = recursive;

    public TextSpan Span { get; } = span;

    public Dictionary<string, PendingEntry> Static { get; } = new(StringComparer.Ordinal);

    public List<(AttrName Name, PendingEntry Entry)> Dynamic { get; } = [];
}

/// <summary>One attribute of a <see cref="PendingSet"/>; <see cref="NameSpan"/> is where its name was written.</summary>
internal abstract record PendingEntry(TextSpan NameSpan);

/// <summary><c>name = value;</c></summary>
internal sealed record LeafEntry(TextSpan NameSpan, Expr Value) : PendingEntry(NameSpan);

/// <summary><c>inherit name;</c> or <c>inherit (from) name;</c></summary>
internal sealed record InheritEntry(TextSpan NameSpan, string Name, Expr? From) : PendingEntry(NameSpan);

/// <summary>A set made of several paths (<c>a.b = …; a.c = …;</c>) or merged into a literal.</summary>
internal sealed record NestedEntry(TextSpan NameSpan, PendingSet Set) : PendingEntry(NameSpan);
