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
/// binding: 270 KB of a 10,000-line module); read it with <see cref="Count"/> and the indexer.
/// </summary>
public readonly struct AttrPath : IEquatable<AttrPath>
{
    /// <summary>The one <see cref="AttrName"/>, or the names as an <see cref="IReadOnlyList{T}"/>.</summary>
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

    public TextSpan Span { get; }

    public int Count => _names is AttrName ? 1 : Unsafe.As<IReadOnlyList<AttrName>>(_names).Count;

    public AttrName this[int index] =>
        _names is AttrName one
            ? index == 0 ? one : throw new ArgumentOutOfRangeException(nameof(index))
            : Unsafe.As<IReadOnlyList<AttrName>>(_names)[index];

    /// <summary>The names as a list (made for a path of one name: prefer <see cref="Count"/> and the indexer).</summary>
    public IReadOnlyList<AttrName> Names => _names as IReadOnlyList<AttrName> ?? [Unsafe.As<AttrName>(_names)];

    public bool Equals(AttrPath other) => Span == other.Span && Names.SequenceEqual(other.Names);

    public override bool Equals(object? obj) => obj is AttrPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Span, Count);

    public static bool operator ==(AttrPath left, AttrPath right) => left.Equals(right);

    public static bool operator !=(AttrPath left, AttrPath right) => !left.Equals(right);
}
