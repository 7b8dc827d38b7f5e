using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

// The parse-time checks, made while the nodes they read are still in the cache (as a second
// walk over a 1 MB tree, they cost more than a quarter of the parse, most of it reading the tree
// back from memory). What StaticChecker finds by walking down with a chain of scopes is found
// here bottom-up: every variable used is noted as free, and each construct that binds names
// resolves, when it closes, the free names noted since it opened. Diagnostics go to a bag of
// their own, kept only when the syntax turns out clean (as StaticChecker runs only then).
public sealed partial class Parser
{
    /// <summary>A variable not bound by any scope closed so far, or a name 'inherit x;' takes from outside.</summary>
    private readonly record struct FreeName(string Name, TextSpan Span);

    private readonly bool _checking;
    private readonly DiagnosticBag _checks = new();
    private readonly HashSet<string> _seenNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The free names, in the order noted. A module's names stay here until its function
    /// closes, tens of thousands in a large file: the list is kept for the thread's next parse
    /// rather than grown anew each time (its array would be a large object each time).
    /// </summary>
    private readonly List<FreeName> _free = TakeFreeNames();

    [ThreadStatic]
    private static List<FreeName>? t_freeNames;

    private static List<FreeName> TakeFreeNames()
    {
        var list = t_freeNames ?? [];
        t_freeNames = null;
        return list;
    }

    /// <summary>Inside the body of a <c>with</c> no name is reported, so none is noted.</summary>
    private int _withBodies;

    /// <summary>
    /// A path extended a <c>rec</c> set literal, which puts bindings written outside the literal
    /// in its scope; the bottom-up checks do not model that, so such a file is walked instead.
    /// </summary>
    private bool _checksNeedWalk;

    /// <summary>
    /// For each name, where its unresolved uses are in <see cref="_free"/> (increasing). A closing
    /// scope looks up the few names it binds here instead of testing every free name noted since
    /// it opened: with 1,000 nested scopes around 400,000 uses that no scope binds, that scan was
    /// quadratic (12 s for 1 MB). Resolved entries of <see cref="_free"/> are cleared, not removed,
    /// so the indices stay valid.
    /// </summary>
    private readonly Dictionary<string, List<int>> _freeByName = new(StringComparer.Ordinal);

    private int FreeMark => _free.Count;

    private void NoteUse(Identifier identifier)
    {
        if (_checking && _withBodies == 0) NoteFree(identifier.Name, identifier.Span);
    }

    private void NoteFree(string name, TextSpan span)
    {
        if (!_freeByName.TryGetValue(name, out var uses)) _freeByName[name] = uses = [];
        uses.Add(_free.Count);
        _free.Add(new FreeName(name, span));
    }

    /// <summary>A closing scope binds <paramref name="name"/>: the uses noted since <paramref name="mark"/> are resolved.</summary>
    private void Bind(int mark, string name)
    {
        if (!_freeByName.TryGetValue(name, out var uses)) return;
        var kept = uses.Count;
        while (kept > 0 && uses[kept - 1] >= mark) _free[uses[--kept]] = default;
        uses.RemoveRange(kept, uses.Count - kept);
    }

    /// <summary>The parser is done with the list of free names; the thread's next parse takes it.</summary>
    private void ReleaseFreeNames()
    {
        _free.Clear();
        t_freeNames = _free;
    }

    /// <summary>A set, <c>let</c> or legacy <c>let</c> has closed: duplicates are reported, and a
    /// recursive one binds its names for the free names noted since <paramref name="mark"/>.</summary>
    private void CheckBindings(int mark, Binding[] bindings, bool recursive, bool isLet)
    {
        if (!recursive && !isLet && StaticChecker.HasOnlyDistinctSimpleNames(bindings, _seenNames)) return;
        var merged = AttrSetMerger.MergeParsed(_source, bindings, _checks, isLet, recursive, out var extendsRecursiveLiteral);
        if (extendsRecursiveLiteral) _checksNeedWalk = true;
        if (recursive || isLet)
        {
            foreach (var attr in merged.Static) Bind(mark, attr.Name);
        }
        // 'inherit x;' takes x from the scope around the set, even a recursive one.
        if (_withBodies > 0) return;
        foreach (var attr in merged.Static)
        {
            if (attr.Inherited) NoteFree(attr.Name, attr.Span);
        }
    }

    /// <summary>A function has closed: its argument and formals bind, in its defaults and body.</summary>
    private void CheckLambda(int mark, LambdaExpr lambda)
    {
        StaticChecker.ReportDuplicateFormals(_source, _checks, lambda, _seenNames);
        if (lambda.ArgName is { } arg) Bind(mark, arg);
        if (lambda.Formals is { } formals)
        {
            foreach (var formal in NodeLists.Items(formals.Items)) Bind(mark, formal.Name);
        }
    }

    /// <summary>
    /// The body of a <c>with</c> opens: any of its free names may come from the scope, known
    /// only at evaluation, so none is reported (nor noted) until it closes.
    /// </summary>
    private void OpenWithBody()
    {
        if (_checking) _withBodies++;
    }

    private void CloseWithBody()
    {
        if (_checking) _withBodies--;
    }

    /// <summary>After a clean parse: the checks' findings, with the names no scope bound.</summary>
    private IReadOnlyList<Diagnostic> CheckFindings()
    {
        foreach (var free in _free)
        {
            if (free.Name is not null && !GlobalNames.IsGlobal(free.Name)) _checks.Add(SyntaxDiagnostics.UndefinedVariable(_source, free.Span, free.Name));
        }
        return _checks.Items;
    }
}
