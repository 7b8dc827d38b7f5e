using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>One name of an attribute path: <c>a</c>, <c>"a b"</c> or <c>${expr}</c>.</summary>
public abstract record AttrName(TextSpan Span);

/// <summary>A name known without evaluation: an identifier or a string without interpolation.</summary>
public sealed record StaticAttrName(TextSpan Span, string Name) : AttrName(Span);

/// <summary>A name computed at evaluation: <c>${e}</c> or <c>"x${e}"</c>.</summary>
public sealed record DynamicAttrName(TextSpan Span, Expr Expression) : AttrName(Span);

/// <summary>
/// A dotted attribute path such as <c>security.acme.certs."example.org"</c>; a value inside its
/// binding, selection or <c>?</c> (one object less for every binding of a file). A path of one
/// name, nearly every binding's, keeps that name without an array around it (32 bytes less per
/// binding: 270 KB of a 10,000-line module); one plain name written where the path is keeps just
/// its string (no name node either: 270 KB more). Read it with <see cref="Count"/> and the indexer,
/// or, without making a node for such a name, <see cref="StaticNameAt"/> and <see cref="DynamicAt"/>.
/// </summary>
public readonly struct AttrPath : IEquatable<AttrPath>
{
    /// <summary>The one <see cref="AttrName"/>, the one static name spanning the path as a string, or the
    /// names as an <see cref="IReadOnlyList{T}"/>.</summary>
    private readonly object _names;

    public AttrPath(TextSpan span, IReadOnlyList<AttrName> names)
    {
        Span = span;
        _names = names.Count == 1 ? names[0] : names;
    }

    /// <summary>A path of the one name <paramref name="name"/>.</summary>
    public AttrPath(TextSpan span, AttrName name)
    {
        Span = span;
        _names = name;
    }

    /// <summary>A path of the one static name <paramref name="name"/> written at <paramref name="span"/>.</summary>
    public AttrPath(TextSpan span, string name)
    {
        Span = span;
        _names = name;
    }

    public TextSpan Span { get; }

    // The string first: an exact type test, where testing for the abstract AttrName walks the hierarchy.
    public int Count => _names is string || _names is AttrName ? 1 : Unsafe.As<IReadOnlyList<AttrName>>(_names).Count;

    /// <summary>A name of the path (made here for a name kept as a string).</summary>
    public AttrName this[int index] =>
        _names switch
        {
            AttrName one => index == 0 ? one : throw new ArgumentOutOfRangeException(nameof(index)),
            string name => index == 0 ? new StaticAttrName(Span, name) : throw new ArgumentOutOfRangeException(nameof(index)),
            _ => Unsafe.As<IReadOnlyList<AttrName>>(_names)[index],
        };

    /// <summary>The names as a list (made for a path of one name: prefer <see cref="Count"/> and the indexer).</summary>
    public IReadOnlyList<AttrName> Names => _names as IReadOnlyList<AttrName> ?? [this[0]];

    /// <summary>The name at <paramref name="index"/> when it is static (else null), and where it is written.</summary>
    internal string? StaticNameAt(int index, out TextSpan span)
    {
        if (_names is string name && index == 0)
        {
            span = Span;
            return name;
        }
        var item = this[index];
        span = item.Span;
        return (item as StaticAttrName)?.Name;
    }

    /// <summary>The name at <paramref name="index"/> when it is computed (<c>${e}</c>), else null.</summary>
    internal DynamicAttrName? DynamicAt(int index) => _names is string ? null : this[index] as DynamicAttrName;

    public bool Equals(AttrPath other) => Span == other.Span && Names.SequenceEqual(other.Names);

    public override bool Equals(object? obj) => obj is AttrPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Span, Count);

    public static bool operator ==(AttrPath left, AttrPath right) => left.Equals(right);

    public static bool operator !=(AttrPath left, AttrPath right) => !left.Equals(right);
}
