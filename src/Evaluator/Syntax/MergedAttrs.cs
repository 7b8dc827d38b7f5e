using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The attributes of a set or <c>let</c> after Nix's parse-time merge: dotted paths become
/// nested sets (<c>a.b = 1; a.c = 2;</c> is <c>a = { b = 1; c = 2; }</c>), and a later path
/// may extend a set written literally (<c>a = { b = 1; }; a.c = 2;</c>). Static names keep
/// their first-definition order until the lowering sorts them as frame slots.
/// </summary>
public sealed class MergedAttrs(bool recursive)
{
    /// <summary>Up to this many names a linear search beats hashing, and most sets are that small.</summary>
    private const int LinearSearchLimit = 8;

    /// <summary>The static attributes: the first <see cref="_count"/> items (an array of the set's size,
    /// not a list around one: a large file has thousands of sets).</summary>
    private MergedAttr[] _static = [];
    private int _count;
    private List<MergedDynamicAttr>? _dynamic;
    private Dictionary<string, MergedAttr>? _byName;

    /// <summary>A set of about <paramref name="expectedCount"/> names (a set's or <c>let</c>'s number of
    /// bindings), its list sized once.</summary>
    internal MergedAttrs(bool recursive, int expectedCount) : this(recursive)
    {
        if (expectedCount > 0) _static = new MergedAttr[expectedCount];
    }

    public bool Recursive { get; internal set; } = recursive;

    /// <summary>Whether <see cref="Static"/> has been sorted as frame slots, once the lowering asked (see ScopeResolver.InSlotOrder).</summary>
    internal bool InSlotOrder { get; set; }

    /// <summary><see cref="StaticItems"/>, to be sorted in place.</summary>
    internal Span<MergedAttr> StaticSpan => _static.AsSpan(0, _count);

    /// <summary>The set literal, or the name of the path that opened the set.</summary>
    public TextSpan Span { get; init; }

    /// <summary>The offset of a set literal's <c>{</c>; -1 for a set a dotted path made or a <c>let</c>'s bindings.</summary>
    internal int OpenBrace { get; init; } = -1;

    public IReadOnlyList<MergedAttr> Static => new ArraySegment<MergedAttr>(_static, 0, _count);

    public IReadOnlyList<MergedDynamicAttr> Dynamic => _dynamic ?? (IReadOnlyList<MergedDynamicAttr>)[];

    /// <summary><see cref="Static"/> as a span: walking a list through its interface allocates an enumerator.</summary>
    internal ReadOnlySpan<MergedAttr> StaticItems => _static.AsSpan(0, _count);

    /// <summary><see cref="Dynamic"/> as a span.</summary>
    internal ReadOnlySpan<MergedDynamicAttr> DynamicItems => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_dynamic);

    public bool TryGet(string name, out MergedAttr attr)
    {
        if (_byName is not null) return _byName.TryGetValue(name, out attr!);
        foreach (var candidate in StaticItems)
        {
            // The parser interns names, so this is mostly a reference comparison.
            if (candidate.Name == name)
            {
                attr = candidate;
                return true;
            }
        }
        attr = null!;
        return false;
    }

    internal void Add(MergedAttr attr)
    {
        if (_byName is not null)
        {
            _byName.Add(attr.Name, attr);
        }
        else if (_count == LinearSearchLimit)
        {
            _byName = new Dictionary<string, MergedAttr>(LinearSearchLimit * 2, StringComparer.Ordinal);
            foreach (var existing in StaticItems) _byName.Add(existing.Name, existing);
            _byName.Add(attr.Name, attr);
        }
        if (_count == _static.Length) Array.Resize(ref _static, Math.Max(4, _count * 2));
        _static[_count++] = attr;
    }

    internal void AddDynamic(MergedDynamicAttr attr) => (_dynamic ??= []).Add(attr);
}

/// <summary>One static attribute: a value, a nested merged set, or an <c>inherit</c>.</summary>
public sealed class MergedAttr(string name, TextSpan span, TextSpan nameSpan)
{
    public string Name { get; } = name;

    /// <summary>Where it was first defined: the whole attribute path, as Nix names it in
    /// "already defined at" messages.</summary>
    public TextSpan Span { get; } = span;

    /// <summary>The name itself within that path (the position <c>unsafeGetAttrPos</c> gives).</summary>
    public TextSpan NameSpan { get; } = nameSpan;

    /// <summary>The value, the nested set or the set of an <c>inherit (From)</c>: an attribute has at
    /// most one of them, so they share one field and <see cref="_kind"/> says which (a file has
    /// thousands of attributes, and three fields made each 16 bytes larger).</summary>
    private object? _content;
    private ContentKind _kind;

    private enum ContentKind : byte { None, Value, Nested, InheritedFrom }

    /// <summary>The value expression, when not a nested merged set.</summary>
    public Expr? Value
    {
        get => _kind == ContentKind.Value ? Unsafe.As<Expr>(_content) : null;
        internal set => Set(ContentKind.Value, value);
    }

    /// <summary>The nested set, created by a dotted path or grown from a set literal.</summary>
    public MergedAttrs? Nested
    {
        get => _kind == ContentKind.Nested ? Unsafe.As<MergedAttrs>(_content) : null;
        internal set => Set(ContentKind.Nested, value);
    }

    /// <summary><c>inherit name;</c> (the value is the variable of the same name outside).</summary>
    public bool Inherited { get; init; }

    /// <summary><c>inherit (From) name;</c></summary>
    public Expr? InheritedFrom
    {
        get => _kind == ContentKind.InheritedFrom ? Unsafe.As<Expr>(_content) : null;
        init => Set(ContentKind.InheritedFrom, value);
    }

    /// <summary>Stores <paramref name="content"/> as the <paramref name="kind"/>, replacing what was there
    /// (a set literal's value when its nested set is made). A null content reads back as null whatever
    /// the kind (<c>inherit name;</c> has no source set, a binding that failed to parse no value).</summary>
    private void Set(ContentKind kind, object? content)
    {
        _content = content;
        _kind = kind;
    }
}

/// <summary><c>${e} = value;</c> or <c>"x${e}" = value;</c>: named only at evaluation.</summary>
public sealed record MergedDynamicAttr(DynamicAttrName Name, Expr? Value, MergedAttrs? Nested);
