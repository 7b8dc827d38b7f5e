using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The attributes of a set or <c>let</c> after Nix's parse-time merge: dotted paths become
/// nested sets (<c>a.b = 1; a.c = 2;</c> is <c>a = { b = 1; c = 2; }</c>), and a later path
/// may extend a set written literally (<c>a = { b = 1; }; a.c = 2;</c>). Static names keep
/// their first-definition order.
/// </summary>
public sealed class MergedAttrs(bool recursive)
{
    private readonly Dictionary<string, MergedAttr> _byName = new(StringComparer.Ordinal);

    public bool Recursive { get; internal set; } = recursive;

    public List<MergedAttr> Static { get; } = [];

    public List<MergedDynamicAttr> Dynamic { get; } = [];

    public IReadOnlySet<string> StaticNames => _byName.Keys.ToHashSet(StringComparer.Ordinal);

    public bool TryGet(string name, out MergedAttr attr) => _byName.TryGetValue(name, out attr!);

    internal void Add(MergedAttr attr)
    {
        _byName.Add(attr.Name, attr);
        Static.Add(attr);
    }
}

/// <summary>One static attribute: a value, a nested merged set, or an <c>inherit</c>.</summary>
public sealed class MergedAttr(string name, TextSpan span)
{
    public string Name { get; } = name;

    /// <summary>Where it was first defined (for "already defined" messages).</summary>
    public TextSpan Span { get; } = span;

    /// <summary>The value expression, when not a nested merged set.</summary>
    public Expr? Value { get; internal set; }

    /// <summary>The nested set, created by a dotted path or grown from a set literal.</summary>
    public MergedAttrs? Nested { get; internal set; }

    /// <summary><c>inherit name;</c> (the value is the variable of the same name outside).</summary>
    public bool Inherited { get; init; }

    /// <summary><c>inherit (From) name;</c></summary>
    public Expr? InheritedFrom { get; init; }
}

/// <summary><c>${e} = value;</c> or <c>"x${e}" = value;</c>: named only at evaluation.</summary>
public sealed record MergedDynamicAttr(DynamicAttrName Name, Expr? Value, MergedAttrs? Nested);
