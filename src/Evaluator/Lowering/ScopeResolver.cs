using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// The one place where names meet their bindings. It walks a syntax tree down through the
/// constructs that bind names (<c>let</c>, <c>rec</c> sets, function arguments and formals,
/// <c>with</c>, <c>inherit</c> and <c>inherit (e)</c>), merging attribute paths as Nix's parser
/// does, and reports what Nix reports before evaluating: attributes defined twice, duplicate
/// formals, dynamic names in <c>let</c>, variables no scope binds (outside any <c>with</c>).
/// <para>The parse-time checks (<c>eval --parse</c>, lint) run it against the names Nix binds
/// globally (<see cref="GlobalNames"/>); lowering runs it against the interpreter's real global
/// frame and reads the frames, slots and merged sets it records (<see cref="ResolvedScopes"/>),
/// so both see the same scopes and report the same codes.</para>
/// </summary>
public static class ScopeResolver
{
    /// <summary>The parse-time checks: every finding goes to <paramref name="diagnostics"/>.</summary>
    public static void Check(SourceText source, Expr root, DiagnosticBag diagnostics) =>
        new Walker(source, diagnostics, null, null).Visit(root);

    /// <summary>For lowering: resolves every variable against <paramref name="outer"/> (the global frame and
    /// whatever a <c>scopedImport</c> adds); problems go to <paramref name="diagnostics"/>.</summary>
    internal static ResolvedScopes Resolve(SourceText source, Expr root, Scope outer, DiagnosticBag diagnostics, Runtime.Interpreter interpreter)
    {
        var resolved = new ResolvedScopes(source, interpreter);
        new Walker(source, diagnostics, resolved, outer).Visit(root);
        return resolved;
    }

    /// <summary>The attributes of a recursive set or <c>let</c> in the order of their frame slots (and of
    /// a set's sorted names): by name, ordinal.
    /// Sorted once per set, in place (a copy per set was 4% of what a large file's lowering allocated):
    /// the resolver and the binder both read it, and nothing after them needs the order of definition.</summary>
    internal static ReadOnlySpan<MergedAttr> InSlotOrder(MergedAttrs attrs)
    {
        var items = attrs.StaticItems;
        if (attrs.InSlotOrder) return items;
        if (items.Length > 1) attrs.StaticSpan.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        attrs.InSlotOrder = true;
        return items;
    }

    /// <summary>Up to this many bindings, comparing names pairwise is cheaper than hashing them.</summary>
    private const int SmallSetSize = 8;

    /// <summary>Whether every binding is <c>name = value;</c> with a plain name, no name twice:
    /// the common set, for which merging would build a map only to find nothing to report.</summary>
    private static bool HasOnlyDistinctSimpleNames(ReadOnlySpan<Binding> bindings, HashSet<string> seen)
    {
        foreach (var binding in bindings)
        {
            if (binding is not AttrBinding { Path: { Count: 1 } path } || path.StaticNameAt(0, out _) is null) return false;
        }
        if (bindings.Length <= SmallSetSize)
        {
            for (var i = 1; i < bindings.Length; i++)
            {
                var name = SimpleName(bindings[i]);
                for (var j = 0; j < i; j++)
                {
                    if (SimpleName(bindings[j]) == name) return false;
                }
            }
            return true;
        }
        seen.Clear();
        foreach (var binding in bindings)
        {
            if (!seen.Add(SimpleName(binding))) return false;
        }
        return true;
    }

    private static string SimpleName(Binding binding) => ((AttrBinding)binding).Path.StaticNameAt(0, out _)!;

    /// <summary>
    /// Walks down, keeping for each name the frames that bind it (pushed as a frame opens, popped
    /// as it closes) and the open <c>with</c> frames, so a variable is resolved in constant time
    /// whatever the depth: 1,000 nested scopes around 450,000 variables once took seconds when
    /// each use searched the scopes above it. A frame is what one run-time environment holds: a
    /// function's arguments, a <c>let</c>'s or <c>rec</c> set's names, a <c>with</c>'s set.
    /// </summary>
    private sealed class Walker(SourceText source, DiagnosticBag diagnostics, ResolvedScopes? resolved, Scope? outer)
    {
        /// <summary>Reused for the names of larger sets and patterns; filled and read before any value is visited.</summary>
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        /// <summary>What the walk knows of each name it met, found with one lookup per use.</summary>
        private readonly Dictionary<string, NameState> _names = new(StringComparer.Ordinal);

        /// <summary>The indices (in <see cref="_withs"/>) of the open <c>with</c> frames whose names are
        /// not known, innermost last: every use of a name not bound lexically searches those.</summary>
        private readonly List<int> _opaqueWiths = [];

        /// <summary>Changes whenever a frame opens or closes: answers computed for another value are stale.</summary>
        private int _frameStamp;

        /// <summary>The depths of the open <c>with</c> frames, innermost last, each with the names of its
        /// set when it is a set literal whose names are all known (else null).</summary>
        private readonly List<(int Depth, MergedAttrs? Names)> _withs = [];

        /// <summary>How many open <c>with</c>s have a set literal's known names (while any does, each
        /// name gets its own list of <c>with</c> frames to search).</summary>
        private int _withsWithKnownNames;

        /// <summary>How many frames are open around the current node.</summary>
        private int _depth;

        /// <summary>The levels of the open <c>with</c> frames seen from the current depth (innermost
        /// first), shared by every variable resolved there; recomputed after a frame opens or closes.</summary>
        private int[]? _withLevels;

        /// <summary>For each open frame, how many slots it has so far, innermost last.</summary>
        private readonly List<int> _frameSizes = [];

        private void OpenFrame(int size)
        {
            _depth++;
            _withLevels = null;
            _frameStamp++;
            _frameSizes.Add(size);
        }

        /// <summary>Closes the innermost frame; returns its size (with the <c>let</c>s that share it).</summary>
        private int CloseFrame()
        {
            _depth--;
            _withLevels = null;
            _frameStamp++;
            var size = _frameSizes[^1];
            _frameSizes.RemoveAt(_frameSizes.Count - 1);
            return size;
        }

        /// <summary>
        /// The body of a function, <c>let</c> or <c>with</c>, which runs once per frame of its owner:
        /// a <c>let</c> there takes its slots in that frame instead of a frame of its own (so
        /// <c>x: let a = …; in …</c> makes one frame per call). Its bindings see the same names
        /// as before; only the slot numbers change.
        /// </summary>
        private void VisitFrameBody(Expr body)
        {
            if (body is LetExpr let) VisitLet(let, sharesFrame: true);
            else Visit(body);
        }

        private void VisitLet(LetExpr let, bool sharesFrame) =>
            VisitMerged(Merged(let, AttrSetMerger.Merge(source, let.Bindings, diagnostics, isLet: true, recursive: true, span: let.Span)), let.Body, let, sharesFrame);

        /// <summary>The states of names met lately, by the identity of their string: the parser interns
        /// names, so a file's uses of one name are one string, found here without hashing its text.
        /// (A name that is another string of the same text misses, and the dictionary answers.)</summary>
        private readonly (string? Name, NameState? State)[] _recent = new (string?, NameState?)[RecentNames];

        private const int RecentNames = 64;

        private NameState State(string name)
        {
            ref var recent = ref _recent[System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(name) & (RecentNames - 1)];
            if (ReferenceEquals(recent.Name, name)) return recent.State!;
            ref var state = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_names, name, out _);
            state ??= new NameState();
            recent = (name, state);
            return state;
        }

        /// <summary>The names bound by <see cref="Push"/>, innermost last: unbinding them needs no lookup.</summary>
        private readonly List<NameState> _pushed = [];

        private void Push(string name, int slot)
        {
            var state = State(name);
            (state.Frames ??= []).Add((_depth, slot));
            _pushed.Add(state);
        }

        /// <summary>Unbinds the names of the last <paramref name="count"/> <see cref="Push"/>es.</summary>
        private void Pop(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var frames = _pushed[^1].Frames!;
                frames.RemoveAt(frames.Count - 1);
                _pushed.RemoveAt(_pushed.Count - 1);
            }
        }

        /// <summary>Opens a <c>with</c> frame's scope: a set literal's names each note it (innermost last),
        /// so a use finds the innermost one binding it without searching the sets in between.</summary>
        private void PushWith(MergedAttrs? known)
        {
            _withs.Add((_depth, known));
            if (known is null)
            {
                _opaqueWiths.Add(_withs.Count - 1);
                return;
            }
            _withsWithKnownNames++;
            foreach (var attr in known.StaticItems) (State(attr.Name).Withs ??= []).Add(_withs.Count - 1);
        }

        private void PopWith()
        {
            var (_, known) = _withs[^1];
            _withs.RemoveAt(_withs.Count - 1);
            if (known is null)
            {
                _opaqueWiths.RemoveAt(_opaqueWiths.Count - 1);
                return;
            }
            _withsWithKnownNames--;
            foreach (var attr in known.StaticItems)
            {
                var withs = State(attr.Name).Withs!;
                withs.RemoveAt(withs.Count - 1);
            }
        }

        /// <summary>Where <paramref name="name"/> is bound from here, as <see cref="Scope.Resolve"/> answers:
        /// a lexical binding wins over any <c>with</c>; else the outer scope; else the open <c>with</c>s.</summary>
        private Scope.Resolution? Lookup(string name, NameState state)
        {
            if (state.Frames is { Count: > 0 } frames)
            {
                var (depth, slot) = frames[^1];
                return new Scope.Resolution(_depth - depth, slot, null);
            }
            if (outer is not null)
            {
                // The outer scope's answer never changes: asked once per name.
                if (!state.OuterKnown) (state.Outer, state.OuterKnown) = (outer.Resolve(name), true);
                if (state.Outer is { Index: >= 0 } global) return global with { Level = global.Level + _depth };
            }
            if (_withs.Count == 0) return null;
            if (resolved is null) return new Scope.Resolution(0, -1, []);
            return new Scope.Resolution(0, -1, _withsWithKnownNames > 0 ? WithLevels(state) : _withLevels ??= AllWithLevels());
        }

        /// <summary>The levels of every open <c>with</c> frame, innermost first.</summary>
        private int[] AllWithLevels()
        {
            if (_withs.Count == 1) return SingleLevel(_depth - _withs[0].Depth);
            var levels = new int[_withs.Count];
            for (var i = 0; i < levels.Length; i++) levels[i] = _depth - _withs[^(i + 1)].Depth;
            return levels;
        }

        /// <summary>The levels of the <c>with</c> frames to search for a name, innermost first: a set
        /// literal's frame is left out when it lacks the name (evaluating such a literal can neither
        /// fail nor trace, so not searching it changes nothing), and the search stops at the innermost
        /// one that has it. So: the frames of unknown names inside that one, then it. Empty: the
        /// variable is undefined, reported when evaluated, as before.</summary>
        private int[] WithLevels(NameState state)
        {
            if (state.LevelsStamp == _frameStamp && state.Levels is { } known) return known;
            var having = state.Withs is { Count: > 0 } withs ? withs[^1] : -1;
            var opaque = _opaqueWiths.Count;
            while (opaque > 0 && _opaqueWiths[opaque - 1] > having) opaque--;
            var count = _opaqueWiths.Count - opaque + (having >= 0 ? 1 : 0);
            int[] result;
            if (count == 1)
            {
                result = SingleLevel(_depth - _withs[having >= 0 ? having : _opaqueWiths[^1]].Depth);
            }
            else
            {
                result = count == 0 ? [] : new int[count];
                var next = 0;
                for (var i = _opaqueWiths.Count - 1; i >= opaque; i--) result[next++] = _depth - _withs[_opaqueWiths[i]].Depth;
                if (having >= 0) result[next] = _depth - _withs[having].Depth;
            }
            (state.Levels, state.LevelsStamp) = (result, _frameStamp);
            return result;
        }

        /// <summary>The one-level answers, by level: most names are found in one <c>with</c> (its set
        /// literal has them), and a file's thousands of such uses share a few arrays (read only).</summary>
        private readonly List<int[]> _singleLevels = [];

        private int[] SingleLevel(int level)
        {
            while (_singleLevels.Count <= level) _singleLevels.Add([_singleLevels.Count]);
            return _singleLevels[level];
        }

        /// <summary>The names of a <c>with</c>'s set when it is a plain set literal without computed names.</summary>
        private MergedAttrs? KnownNames(Expr scope) =>
            resolved is not null && scope is AttrSetExpr { Recursive: false } set
                && ResolvedScopes.Merged(set) is { Dynamic.Count: 0 } merged ? merged : null;

        /// <summary>Resolves a use of <paramref name="name"/>; <paramref name="use"/> is the node the lowering
        /// asks about (null: the caller records the answer).</summary>
        private Scope.Resolution? Variable(object? use, string name, TextSpan span)
        {
            // __curPos is a position, not a variable (the lowering makes it a constant).
            if (name == "__curPos") return null;
            var state = State(name);
            if (Lookup(name, state) is { } resolution)
            {
                if (use is not null) resolved?.AddVariable(use, resolution, resolution.Index >= 0 ? null : state.Symbol ??= Runtime.Values.Symbol.Intern(name));
                return resolution;
            }
            // The parse-time checks know the global names, not their slots.
            if (resolved is null && GlobalNames.IsGlobal(name)) return null;
            diagnostics.Add(SyntaxDiagnostics.UndefinedVariable(source, span, name));
            return null;
        }

        public void Visit(Expr expr)
        {
            switch (expr)
            {
                // The most frequent kinds first: each case is one type test, made in order.
                case Identifier id:
                    Variable(id, id.Name, id.Span);
                    break;
                case CallExpr call:
                    Visit(call.Function);
                    Visit(call.Argument);
                    break;
                case IntLiteral:
                    // Nothing to resolve (tested here, not after every other kind).
                    break;
                case BinaryExpr binary:
                    Visit(binary.Left);
                    Visit(binary.Right);
                    break;
                case SearchPathExpr path:
                    {
                        // <name> is __findFile __nixPath "name", with whatever those names are bound to here.
                        var findFile = Variable(null, "__findFile", path.Span);
                        var nixPath = Variable(null, "__nixPath", path.Span);
                        if (findFile is { } f && nixPath is { } n) resolved?.AddSearchPath(path, f, n);
                        break;
                    }
                case AttrSetExpr set when resolved is null && !set.Recursive && HasOnlyDistinctSimpleNames(NodeLists.Items(set.Bindings), _seen):
                    // Nothing to merge, nothing defined twice, no frame: only the values, which see
                    // the scope around the set. (Lowering needs the merged set, so it merges all.)
                    foreach (var binding in NodeLists.Items(set.Bindings)) Visit(((AttrBinding)binding).Value);
                    break;
                case AttrSetExpr set:
                    VisitMerged(Merged(set, AttrSetMerger.Merge(source, set.Bindings, diagnostics, recursive: set.Recursive, span: set.Span, openBrace: set.OpenBrace)), body: null);
                    break;
                case LetExpr let:
                    VisitLet(let, sharesFrame: false);
                    break;
                case LegacyLetExpr legacy:
                    VisitMerged(Merged(legacy, AttrSetMerger.Merge(source, legacy.Bindings, diagnostics, recursive: true, span: legacy.Span)), body: null);
                    break;
                case LambdaExpr lambda:
                    VisitLambda(lambda);
                    break;
                case WithExpr with:
                {
                    Visit(with.Scope);
                    OpenFrame(size: 1);
                    PushWith(KnownNames(with.Scope));
                    VisitFrameBody(with.Body);
                    PopWith();
                    var frameSize = CloseFrame();
                    if (resolved is not null) ResolvedScopes.AddWithFrame(with, frameSize);
                    break;
                }
                case SelectExpr select:
                    Visit(select.Target);
                    VisitPath(select.Path);
                    if (select.Default is { } fallback) Visit(fallback);
                    break;
                case HasAttrExpr has:
                    Visit(has.Target);
                    VisitPath(has.Path);
                    break;
                case UnaryExpr unary:
                    Visit(unary.Operand);
                    break;
                case IfExpr ifExpr:
                    Visit(ifExpr.Condition);
                    Visit(ifExpr.Then);
                    Visit(ifExpr.Else);
                    break;
                case AssertExpr assert:
                    Visit(assert.Condition);
                    Visit(assert.Body);
                    break;
                case ListExpr list:
                    foreach (var item in NodeLists.Items(list.Items)) Visit(item);
                    break;
                case StringExpr str:
                    VisitParts(str.Parts);
                    break;
                case PathExpr path:
                    VisitParts(path.Parts);
                    break;
            }
        }

        private MergedAttrs Merged(Expr expr, MergedAttrs merged)
        {
            if (resolved is not null) ResolvedScopes.AddMerged(expr, merged);
            return merged;
        }

        /// <summary>A function's frame: its formals in order (slot = index), then the '@' name.
        /// Defaults and body see all of them.</summary>
        private void VisitLambda(LambdaExpr lambda)
        {
            ReportDuplicateFormals(lambda);
            var formals = lambda.Formals is { } f ? NodeLists.Items(f.Items) : [];
            OpenFrame(formals.Length + (lambda.ArgName is null ? 0 : 1));
            for (var i = 0; i < formals.Length; i++) Push(formals[i].Name, i);
            if (lambda.ArgName is { } arg) Push(arg, formals.Length);
            foreach (var formal in formals)
            {
                if (formal.Default is { } value) Visit(value);
            }
            var ownSize = _frameSizes[^1];
            List<LambdaExpr>? curried = null;
            if (lambda.Formals is null) VisitCurried(lambda.Body, ref curried);
            else VisitFrameBody(lambda.Body);
            Pop(formals.Length + (lambda.ArgName is null ? 0 : 1));
            var frameSize = CloseFrame();
            if (resolved is null) return;
            ResolvedScopes.AddFrame(lambda, new LambdaFrame(curried is null ? frameSize : ownSize, formals.Length));
            if (curried is null) return;
            // The curried functions inside share the final frame size; each copies the slots before its own.
            foreach (var inner in curried)
            {
                var frame = ResolvedScopes.Frame(inner);
                ResolvedScopes.AddFrame(inner, frame with { Size = frameSize });
            }
        }

        /// <summary>
        /// The body of a plain <c>x:</c> function that is itself a plain <c>y:</c> function (<c>acc: x: …</c>):
        /// the inner one's argument takes the next slot of the same frame instead of a frame of its own.
        /// A call of the inner function copies the slots before its own from the frame it closes over
        /// (filled once, by the outer call, and never captured by anything else), so <c>f a b</c> makes
        /// one frame, and a partial application <c>f a</c> still works as a closure.
        /// </summary>
        private void VisitCurried(Expr body, ref List<LambdaExpr>? curried)
        {
            if (body is not LambdaExpr { Formals: null, ArgName: { } arg } inner)
            {
                VisitFrameBody(body);
                return;
            }
            var slot = _frameSizes[^1];
            _frameSizes[^1] = slot + 1;
            Push(arg, slot);
            (curried ??= []).Add(inner);
            VisitCurried(inner.Body, ref curried);
            Pop(1);
            if (resolved is not null) ResolvedScopes.AddFrame(inner, new LambdaFrame(-1, slot, CopiedSlots: slot));
        }

        /// <summary>A formal named twice, or the '@' name repeating a formal. Most patterns are
        /// short, and comparing each name with the ones before it needs no set; a long one would make
        /// that quadratic, so its names go through a set.</summary>
        private void ReportDuplicateFormals(LambdaExpr lambda)
        {
            var items = lambda.Formals is { } formals ? NodeLists.Items(formals.Items) : [];
            if (items.Length <= SmallSetSize)
            {
                for (var i = 1; i < items.Length; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (items[j].Name == items[i].Name)
                        {
                            diagnostics.Add(SyntaxDiagnostics.DuplicateFormal(source, items[i].Span, items[i].Name));
                            break;
                        }
                    }
                }
            }
            else
            {
                _seen.Clear();
                foreach (var formal in items)
                {
                    if (!_seen.Add(formal.Name)) diagnostics.Add(SyntaxDiagnostics.DuplicateFormal(source, formal.Span, formal.Name));
                }
            }
            if (lambda.ArgName is { } arg && lambda.Formals is { } pattern && pattern.Declares(arg))
                diagnostics.Add(SyntaxDiagnostics.DuplicateFormal(source, lambda.Span, arg));
        }

        /// <summary>Visits a merged set, then <paramref name="body"/> (a <c>let</c>'s) in its scope.
        /// A recursive set (or <c>let</c>) is a frame: its values, nested sets, dynamic names and
        /// <c>inherit (e)</c> sources see its names. Plain <c>inherit x</c> looks <c>x</c> up in the
        /// scope around the set, as Nix does.</summary>
        private void VisitMerged(MergedAttrs attrs, Expr? body, LetExpr? let = null, bool sharesFrame = false)
        {
            foreach (var attr in attrs.StaticItems)
            {
                if (attr.Inherited) Variable(attr, attr.Name, attr.Span);
            }
            var firstSlot = 0;
            if (attrs.Recursive)
            {
                if (sharesFrame) firstSlot = _frameSizes[^1];
                else OpenFrame(size: 0);
                _frameSizes[^1] += attrs.StaticItems.Length;
                // Lowering needs the slots; the checks only whether a name is bound.
                if (resolved is null)
                {
                    foreach (var attr in attrs.StaticItems) Push(attr.Name, 0);
                }
                else
                {
                    var ordered = InSlotOrder(attrs);
                    for (var i = 0; i < ordered.Length; i++) Push(ordered[i].Name, firstSlot + i);
                }
            }
            Expr? firstFrom = null;
            HashSet<Expr>? otherFroms = null;
            foreach (var attr in attrs.StaticItems)
            {
                if (attr.Inherited) continue;
                if (attr.InheritedFrom is { } from)
                {
                    // 'inherit (e) a b;' gives each name the same e: resolved once (sorted as slots,
                    // the names of one clause need not be next to each other). Most sets have one
                    // clause, which needs no set; a set, not a list, past it: a hostile file may have
                    // thousands of clauses.
                    if (ReferenceEquals(from, firstFrom)) continue;
                    if (firstFrom is null) firstFrom = from;
                    else if (!(otherFroms ??= new HashSet<Expr>(ReferenceEqualityComparer.Instance)).Add(from)) continue;
                    Visit(from);
                }
                else if (attr.Nested is { } nested)
                {
                    VisitMerged(nested, body: null);
                }
                else if (attr.Value is { } value)
                {
                    Visit(value);
                }
            }
            foreach (var dynamic in attrs.DynamicItems)
            {
                Visit(dynamic.Name.Expression);
                if (dynamic.Nested is { } nested) VisitMerged(nested, body: null);
                else if (dynamic.Value is { } value) Visit(value);
            }
            if (body is not null) VisitFrameBody(body);
            if (attrs.Recursive)
            {
                Pop(attrs.StaticItems.Length);
                var frameSize = sharesFrame ? -1 : CloseFrame();
                if (let is not null && resolved is not null) ResolvedScopes.AddLetFrame(let, new LetFrame(firstSlot, frameSize));
            }
        }

        private void VisitPath(AttrPath path)
        {
            for (var i = 0; i < path.Count; i++)
            {
                if (path.DynamicAt(i) is { } dynamic) Visit(dynamic.Expression);
            }
        }

        /// <summary>What the walk keeps for one name.</summary>
        private sealed class NameState
        {
            /// <summary>The (frame depth, slot) of the frames binding it, innermost last.</summary>
            public List<(int Depth, int Slot)>? Frames;

            /// <summary>The open <c>with</c>s (indices in <see cref="_withs"/>) whose set literals have it, innermost last.</summary>
            public List<int>? Withs;

            /// <summary>The outer scope's answer, once asked.</summary>
            public Scope.Resolution Outer;
            public bool OuterKnown;

            /// <summary>The <c>with</c> levels last computed, valid while <see cref="_frameStamp"/> is <see cref="LevelsStamp"/>.</summary>
            public int[]? Levels;
            public int LevelsStamp;

            /// <summary>Its symbol, for the nodes looking it up in <c>with</c> sets.</summary>
            public Runtime.Values.Symbol? Symbol;
        }

        private void VisitParts(IReadOnlyList<StringPart> parts)
        {
            foreach (var part in NodeLists.Items(parts))
            {
                if (part is InterpolationPart interpolation) Visit(interpolation.Expression);
            }
        }
    }
}
