using ConfigLang.Evaluator.Diagnostics;
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
    /// <summary>What stands in when the re-parse was cut short: every name at its own place, no names created.</summary>
    private static readonly NixParseFacts Unknown = new(AttributePathStarts.None, new Dictionary<string, int>(), complete: false);

    private NixParseFacts(AttributePathStarts pathStarts, IReadOnlyDictionary<string, int> namesCreated, bool complete)
    {
        PathStarts = pathStarts;
        NamesCreated = namesCreated;
        Complete = complete;
    }

    /// <summary>False when the re-parse ran short of stack (it may be asked for deep in an evaluation) and gave up
    /// part-way: then nothing is known, and the source must not keep this, so that a later ask, on a shallower
    /// stack, parses again.</summary>
    public bool Complete { get; }

    public AttributePathStarts PathStarts { get; }

    /// <summary>See <see cref="NixStartupSymbols.NamesCreatedBy"/>.</summary>
    public IReadOnlyDictionary<string, int> NamesCreated { get; }

    public static NixParseFacts Read(SourceText source)
    {
        var tree = Parser.ParseSyntaxOnly(source);
        // The source parsed whole before it was evaluated: giving up on nesting now means the stack ran short.
        if (tree.Diagnostics.Any(d => d.Code == SyntaxDiagnostics.NestingTooDeepCode)) return Unknown;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var pathStarts = new List<(int Name, int PathStart)>();
        var collector = new NixParseFactsCollector(names, pathStarts);
        collector.Visit(tree.Root);
        if (collector.CutShort) return Unknown;
        return new NixParseFacts(pathStarts.Count == 0 ? AttributePathStarts.None : new AttributePathStarts(pathStarts), names, complete: true);
    }
}
