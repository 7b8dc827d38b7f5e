using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// What Nix 2.8's parser makes of one source that our own tree does not keep: where it places the attributes of
/// dotted paths (<see cref="PathStarts"/>) and the names it creates, in its order (<see cref="NamesCreated"/>).
/// Both come from one more parse of the source, without the parse-time checks (no warning twice), made only
/// when a Nix position or symbol order is first asked for (<see cref="SourceText.NixFacts"/>).
/// </summary>
internal sealed class NixParseFacts
{
    private NixParseFacts(AttributePathStarts pathStarts, IReadOnlyDictionary<string, int> namesCreated)
    {
        PathStarts = pathStarts;
        NamesCreated = namesCreated;
    }

    public AttributePathStarts PathStarts { get; }

    /// <summary>See <see cref="NixStartupSymbols.NamesCreatedBy"/>.</summary>
    public IReadOnlyDictionary<string, int> NamesCreated { get; }

    public static NixParseFacts Read(SourceText source)
    {
        var root = Parser.ParseSyntaxOnly(source).Root;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var pathStarts = new List<(int Name, int PathStart)>();
        new NixParseFactsCollector(names, pathStarts).Visit(root);
        return new NixParseFacts(pathStarts.Count == 0 ? AttributePathStarts.None : new AttributePathStarts(pathStarts), names);
    }
}
