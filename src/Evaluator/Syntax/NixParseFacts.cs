using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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
    /// <summary>The stack a read short of it moves to: the evaluation thread's, on which the source first parsed
    /// whole. Only reserved, not committed, until the parse goes that deep.</summary>
    private const int LargeStackBytes = 512 * 1024 * 1024;

    private NixParseFacts(AttributePathStarts pathStarts, IReadOnlyDictionary<string, int> namesCreated)
    {
        PathStarts = pathStarts;
        NamesCreated = namesCreated;
    }

    public AttributePathStarts PathStarts { get; }

    /// <summary>See <see cref="NixStartupSymbols.NamesCreatedBy"/>.</summary>
    public IReadOnlyDictionary<string, int> NamesCreated { get; }

    /// <summary>The facts of <paramref name="source"/>, the same however deep the stack it is asked on: a read that runs
    /// short of stack (it may be asked deep in an evaluation) is made again on a thread of its own with a large one.</summary>
    public static NixParseFacts Read(SourceText source) =>
        RuntimeHelpers.TryEnsureSufficientExecutionStack() && TryRead(source) is { } facts ? facts : ReadOnLargeStack(source);

    private static NixParseFacts ReadOnLargeStack(SourceText source)
    {
        NixParseFacts? facts = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { facts = TryRead(source); }
            catch (Exception e) { failure = e; }
        }, LargeStackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        // The source parsed whole on such a stack before it was evaluated, so the read cannot run short here.
        return facts ?? throw new InvalidOperationException($"The re-parse of {source.Path} ran short of a {LargeStackBytes}-byte stack.");
    }

    /// <summary>Null when the parse or the walk gave up for want of stack.</summary>
    private static NixParseFacts? TryRead(SourceText source)
    {
        var tree = Parser.ParseSyntaxOnly(source);
        // The source parsed whole before it was evaluated: giving up on nesting now means the stack ran short.
        if (tree.Diagnostics.Any(d => d.Code == SyntaxDiagnostics.NestingTooDeepCode)) return null;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var pathStarts = new List<(int Name, int PathStart)>();
        var collector = new NixParseFactsCollector(names, pathStarts);
        collector.Visit(tree.Root);
        if (collector.CutShort) return null;
        return new NixParseFacts(pathStarts.Count == 0 ? AttributePathStarts.None : new AttributePathStarts(pathStarts), names);
    }
}
