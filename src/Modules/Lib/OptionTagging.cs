using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// <c>mkOption</c>'s result, <c>attrs // { _type = "option"; }</c>. Every instance of a submodule
/// calls <c>mkOption</c> once per option, always on a set of the same shape (the same names and
/// positions, made once per expression): the tagged names and positions are made once per shape
/// and shared, so a call makes only its values. Sets already holding <c>_type</c> take the plain
/// update. The shapes remembered are bounded (a small table; a new shape replaces an old one).
/// </summary>
internal static class OptionTagging
{
    /// <summary><c>{ _type = "option"; }</c>: values are immutable, so one set serves every call.</summary>
    private static readonly AttrSetValue OptionTag = Nix.Attrs(("_type", Nix.Str("option")));

    private static readonly Symbol TypeName = OptionTag.Names[0];

    private static readonly Value TagValue = OptionTag.Values[0];

    private const int TableSize = 64;

    /// <summary>A set's names and positions, the same with <c>_type</c> inserted, and where it was inserted.</summary>
    private sealed record Shape(Symbol[] Names, SourceLocation[]? Positions, Symbol[] Tagged, SourceLocation[]? TaggedPositions, int At);

    // Read and written without a lock: a slot holds a whole immutable shape or another one.
    private static readonly Shape?[] Shapes = new Shape?[TableSize];

    public static AttrSetValue Tag(AttrSetValue attrs)
    {
        var slot = RuntimeHelpers.GetHashCode(attrs.Names) & (TableSize - 1);
        var shape = Shapes[slot];
        if (shape is null || !ReferenceEquals(shape.Names, attrs.Names) || !ReferenceEquals(shape.Positions, attrs.Positions))
        {
            // `//` puts the new name where sets order it, with no position (the tag has none).
            var tagged = attrs.Update(OptionTag);
            if (attrs.IndexOf(TypeName) < 0)
            {
                Shapes[slot] = new Shape(attrs.Names, attrs.Positions, tagged.Names, tagged.Positions, tagged.IndexOf(TypeName));
            }
            return tagged;
        }
        var count = attrs.Count;
        var values = new Value[count + 1];
        Array.Copy(attrs.Values, 0, values, 0, shape.At);
        values[shape.At] = TagValue;
        Array.Copy(attrs.Values, shape.At, values, shape.At + 1, count - shape.At);
        return new AttrSetValue(shape.Tagged, values, shape.TaggedPositions);
    }
}
