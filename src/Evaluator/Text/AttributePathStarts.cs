namespace ConfigLang.Evaluator.Text;

/// <summary>
/// Where Nix 2.8 places an attribute defined through a dotted path (<c>a.b.c = v;</c>): every name
/// of the path at the path's start, where our positions keep each name's own place (lint and the
/// module system point at the name). Made for a source only when a Nix position is first asked
/// for (<see cref="Syntax.NixParseFacts"/>), by parsing it again: nothing is kept per attribute
/// of the sets evaluation builds.
/// </summary>
internal sealed class AttributePathStarts
{
    public static readonly AttributePathStarts None = new([]);

    /// <summary>The offsets of the names after the first of each path, sorted, and their path's start.</summary>
    private readonly int[] _names;
    private readonly int[] _pathStarts;

    /// <param name="entries">Each name after the first of a binding's path, with the start of its path.</param>
    public AttributePathStarts(List<(int Name, int PathStart)> entries)
    {
        // A path inside a dynamic name (`a.${let x.y = 1; in "k"}.c`) is completed before the outer one.
        entries.Sort((x, y) => x.Name.CompareTo(y.Name));
        _names = new int[entries.Count];
        _pathStarts = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++) (_names[i], _pathStarts[i]) = entries[i];
    }

    /// <summary>The start of the path whose name starts at <paramref name="nameOffset"/>, or that offset
    /// itself when no path has a later name there.</summary>
    public int PathStartOf(int nameOffset)
    {
        var index = Array.BinarySearch(_names, nameOffset);
        return index >= 0 ? _pathStarts[index] : nameOffset;
    }
}
