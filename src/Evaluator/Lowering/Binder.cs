using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// Lowers a syntax tree into evaluable nodes, from what <see cref="ScopeResolver"/> decided for
/// it (run first, and only lowered when it found nothing wrong): every variable becomes a frame
/// level and slot (or, under <c>with</c>, a run-time lookup), attribute paths and <c>inherit</c>
/// become the merged sets. Paths are made absolute against the directory of the source.
/// </summary>
internal sealed class Binder
{
    private readonly Interpreter _interpreter;
    private readonly SourceText _source;
    private readonly string _baseDirectory;
    private readonly ResolvedScopes _scopes;

    public Binder(Interpreter interpreter, SourceText source, string baseDirectory, ResolvedScopes scopes)
    {
        _interpreter = interpreter;
        _source = source;
        _baseDirectory = baseDirectory;
        _scopes = scopes;
    }

    public Node Bind(Expr expr)
    {
        switch (expr)
        {
            // The most frequent kinds first: each case is one type test, made in order.
            case Identifier id: return Variable(id, id.Name, id.Span);
            case CallExpr call: return BindCall(call);
            case BinaryExpr { Operator: BinaryOperator.Add } add:
                return new ConcatNode(_source, add.Span, [Bind(add.Left), Bind(add.Right)], false, _interpreter, NixOperandStarts(add));
            case BinaryExpr binary:
                return new BinaryNode(_source, binary.Span, binary.Operator, binary.OperatorSpan, Bind(binary.Left), Bind(binary.Right), _interpreter);
            case IntLiteral i: return new ConstNode(_source, i.Span, IntValue.Of(i.Value));
            case FloatLiteral f: return new ConstNode(_source, f.Span, new FloatValue(f.Value));
            case UriLiteral u:
                Lint(LiteralLints.UrlLiterals, $"URL literals are discouraged. Consider using a string literal \"{u.Value}\" instead (lint-url-literals)", u.Span,
                    $"URL literals are disallowed. Consider using a string literal \"{u.Value}\" instead (lint-url-literals)");
                return new ConstNode(_source, u.Span, StringValue.Of(u.Value));
            case StringExpr s: return BindString(s);
            case PathExpr p: return BindPath(p);
            case CurPosExpr curPos: return new ConstNode(_source, curPos.Span, PositionValue(curPos.Span), thunkedByNix: true);
            case SearchPathExpr sp:
            {
                var (findFile, nixPath) = _scopes.SearchPath(sp);
                return new CallNode(_source, sp.Span, Variable("__findFile", findFile, sp.Span),
                    [Variable("__nixPath", nixPath, sp.Span), new ConstNode(_source, sp.Span, StringValue.Of(sp.Name))], _interpreter);
            }
            case ListExpr l: return new ListNode(_source, l.Span, BindAll(NodeLists.Items(l.Items)));
            case AttrSetExpr a: return BindSet(ResolvedScopes.Merged(a));
            case LetExpr let: return BindLet(let);
            case LegacyLetExpr legacy:
            {
                var set = BindSet(ResolvedScopes.Merged(legacy));
                var body = new AttrKey(Symbol.Intern("body"), null, new SourceLocation(_source, legacy.Span));
                return new SelectNode(_source, legacy.Span, set, [body], null, _interpreter, _baseDirectory);
            }
            case LambdaExpr lambda: return BindLambda(lambda, null);
            case SelectExpr select:
                return BindSelect(select);
            case HasAttrExpr has:
                return new HasAttrNode(_source, has.Span, Bind(has.Target), BindPath(has.Path), _interpreter);
            case IfExpr ifExpr:
                return new IfNode(_source, ifExpr.Span, Bind(ifExpr.Condition), Bind(ifExpr.Then), Bind(ifExpr.Else));
            case AssertExpr assert:
                return new AssertNode(_source, assert.Span, Bind(assert.Condition), Bind(assert.Body), _baseDirectory);
            case WithExpr with:
                return new WithNode(_source, with.Span, Bind(with.Scope), Bind(with.Body), ResolvedScopes.WithFrameSize(with));
            case UnaryExpr { Operator: UnaryOperator.Not } not:
                return new NotNode(_source, not.Span, Bind(not.Operand));
            case UnaryExpr negate:
                return new BinaryNode(_source, negate.Span, BinaryOperator.Subtract, negate.Span,
                    new ConstNode(_source, negate.Span, IntValue.Of(0)), Bind(negate.Operand), _interpreter);
            case ErrorExpr error:
                throw Error(EvaluationDiagnostics.Syntax, "syntax error", error.Span);
            default:
                throw Error(EvaluationDiagnostics.General, $"unsupported expression {expr.GetType().Name}", expr.Span);
        }
    }

    /// <summary>A literal that <c>--lint-*-literals</c> rejects (fatal) or reports on stderr (warn), as Nix does.</summary>
    private void Lint(LiteralLints lint, string message, TextSpan span, string? fatalMessage = null)
    {
        if (_interpreter.Options.Lints.HasFlag(lint)) throw Error(EvaluationDiagnostics.Syntax, fatalMessage ?? message, span);
        if (_interpreter.Options.LintWarnings.HasFlag(lint)) _interpreter.WriteTrace(ErrorFormatter.FormatWarning(message, new SourceLocation(_source, span)));
    }

    /// <summary>The path as written, for lint messages (Nix quotes the source text).</summary>
    private string PathLiteralText(PathExpr p) => _source.Text.Substring(p.Span.Start, p.Span.Length);

    private EvaluationException Error(string code, string message, TextSpan span) =>
        EvaluationException.Create(code, message, new SourceLocation(_source, span));

    /// <summary>A use of a variable: <paramref name="use"/> is the <see cref="Identifier"/>, or the
    /// <see cref="MergedAttr"/> of <c>inherit name;</c>.</summary>
    private Node Variable(object use, string name, TextSpan span) =>
        name == "__curPos" ? new ConstNode(_source, span, PositionValue(span), thunkedByNix: true) : _scopes.Variable(use, name, span);

    private Node Variable(string name, Scope.Resolution resolution, TextSpan span) => _scopes.VariableNode(name, resolution, span);

    /// <summary>The <c>{ file, line, column }</c> set of <c>__curPos</c> and <c>unsafeGetAttrPos</c>.</summary>
    private AttrSetValue PositionValue(TextSpan span) => Interpreter.MakePosition(new SourceLocation(_source, span));

    private Node BindString(StringExpr s)
    {
        var items = NodeLists.Items(s.Parts);
        var onlyLiterals = true;
        foreach (var part in items)
        {
            // Nix strings are C strings: a literal holding a NUL byte is rejected when the file is read.
            if (part is LiteralPart literal) NulBytes.Rejected(literal.Text, new SourceLocation(_source, literal.Span));
            else onlyLiterals = false;
        }
        if (onlyLiterals)
        {
            var text = items.Length == 1 ? ((LiteralPart)items[0]).Text : ConcatLiterals(items);
            return new ConstNode(_source, s.Span, StringValue.FromUnicode(text));
        }
        var parts = new Node[items.Length];
        // Nix 2.8 locates an error coercing an interpolated value at its `${`.
        var nixStarts = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            nixStarts[i] = items[i].Span.Start;
            parts[i] = items[i] switch
            {
                LiteralPart lit => new ConstNode(_source, lit.Span, StringValue.FromUnicode(lit.Text)),
                InterpolationPart interp => Bind(interp.Expression),
                _ => throw Error(EvaluationDiagnostics.General, "unknown string part", items[i].Span),
            };
        }
        return new ConcatNode(_source, s.Span, parts, true, _interpreter, nixStarts);
    }

    /// <summary>Where Nix 2.8 locates an error coercing an operand of <c>a + b</c>: at the operand's start, its
    /// opening parenthesis included (which our nodes drop); null when both start where their nodes do.</summary>
    private int[]? NixOperandStarts(BinaryExpr add)
    {
        return add.Span.Start == add.Left.Span.Start && add.RightStart == add.Right.Span.Start ? null : [add.Span.Start, add.RightStart];
    }

    private static string ConcatLiterals(ReadOnlySpan<StringPart> literals)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in literals) text.Append(((LiteralPart)part).Text);
        return text.ToString();
    }

    /// <summary>Binds each expression, into an array of exactly their number (no intermediate list).</summary>
    private Node[] BindAll(ReadOnlySpan<Expr> exprs)
    {
        if (exprs.IsEmpty) return [];
        var nodes = new Node[exprs.Length];
        for (var i = 0; i < exprs.Length; i++) nodes[i] = Bind(exprs[i]);
        return nodes;
    }

    private Node BindPath(PathExpr p)
    {
        if (p.Parts.Count == 0 || p.Parts[0] is not LiteralPart first)
        {
            throw Error(EvaluationDiagnostics.Syntax, "a path must start with a literal part", p.Span);
        }
        var written = PathLiteralText(p);
        if (first.Text.StartsWith('/'))
        {
            Lint(LiteralLints.AbsolutePathLiterals, $"absolute path literals are not portable. Consider replacing path literal '{written}' by a string, relative path, or parameter (lint-absolute-path-literals)", p.Span);
        }
        else if (first.Text.StartsWith('~'))
        {
            Lint(LiteralLints.AbsolutePathLiterals, $"home path literals are not portable. Consider replacing path literal '{written}' by a string, relative path, or parameter (lint-absolute-path-literals)", p.Span);
        }
        else if (!first.Text.StartsWith('.'))
        {
            Lint(LiteralLints.ShortPathLiterals, $"relative path literal '{written}' should be prefixed with '.' for clarity: './{written}' (lint-short-path-literals)", p.Span);
        }
        var resolved = ResolvePathLiteral(first.Text, first.Span);
        if (p.Parts.Count == 1)
        {
            return new ConstNode(_source, p.Span, new PathValue(PathUtilities.Canonicalize(resolved)));
        }
        // Keep the trailing slash of the first segment, as Nix does, so ./${x} is dir/x.
        if (first.Text.EndsWith('/') && !resolved.EndsWith('/')) resolved += "/";
        var parts = new List<Node> { new ConstNode(_source, first.Span, new PathValue(resolved)) };
        // Nix 2.8 locates an error coercing an interpolated value at its `${`, as in a string.
        var nixStarts = new int[p.Parts.Count];
        for (var i = 0; i < nixStarts.Length; i++) nixStarts[i] = p.Parts[i].Span.Start;
        foreach (var part in p.Parts.Skip(1))
        {
            parts.Add(part switch
            {
                LiteralPart lit => new ConstNode(_source, lit.Span, StringValue.FromUnicode(lit.Text)),
                InterpolationPart interp => Bind(interp.Expression),
                _ => throw Error(EvaluationDiagnostics.General, "unknown path part", part.Span),
            });
        }
        return new ConcatNode(_source, p.Span, parts.ToArray(), false, _interpreter, nixStarts);
    }

    private string ResolvePathLiteral(string text, TextSpan span)
    {
        if (text.StartsWith('/')) return text;
        if (text.StartsWith("~/", StringComparison.Ordinal) || text == "~")
        {
            var home = _interpreter.Options.Home
                ?? throw Error(EvaluationDiagnostics.FileSystem, "cannot resolve '~': HOME is not set", span);
            return home + text[1..];
        }
        return PathUtilities.Combine(_baseDirectory, text);
    }

    private Node BindCall(CallExpr call)
    {
        // f a b c is ((f a) b) c: count the arguments, then bind the function and each argument
        // in source order (the first error found is the one reported) straight into their array.
        var count = 0;
        for (Expr function = call; function is CallExpr c; function = c.Function) count++;
        var args = new Node[count];
        var boundFunction = BindArguments(call, args, count - 1);
        return new CallNode(_source, call.Span, boundFunction, args, _interpreter);
    }

    /// <summary>Binds the function under <paramref name="call"/>, then its arguments up to <paramref name="index"/>; returns the function.</summary>
    private Node BindArguments(CallExpr call, Node[] args, int index)
    {
        var function = call.Function is CallExpr inner ? BindArguments(inner, args, index - 1) : Bind(call.Function);
        args[index] = Bind(call.Argument);
        return function;
    }

    /// <summary>An attribute name as written (a quoted name may hold any text): the runtime keeps names as UTF-8 bytes.</summary>
    private static Symbol NameSymbol(string name) => Symbol.Intern(ByteText.FromUnicode(name));

    private AttrKey[] BindPath(AttrPath path)
    {
        var keys = new AttrKey[path.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = path.StaticNameAt(i, out var span) is { } name ? new AttrKey(NameSymbol(name), null, new SourceLocation(_source, span))
                : path.DynamicAt(i) is { } d ? new AttrKey(null, Bind(d.Expression), new SourceLocation(_source, d.Span))
                : throw Error(EvaluationDiagnostics.General, "unknown attribute name", span);
        }
        return keys;
    }

    private Node BindSelect(SelectExpr select)
    {
        var target = Bind(select.Target);
        var path = BindPath(select.Path);
        // The default is bound even when never used: its static errors are reported all the same.
        var fallback = select.Default is null ? null : Bind(select.Default);
        if (KnownAttribute(target, path) is { } known) return new ConstNode(_source, select.Span, known, thunkedByNix: true);
        return new SelectNode(_source, select.Span, target, path, fallback, _interpreter, _baseDirectory);
    }

    /// <summary>
    /// The value of <c>builtins.name</c> (one static name of a global set known when lowering) when it
    /// is a value already: such a selection can neither fail nor compute anything, so it is that
    /// constant. A selection node would look the name up at every call (<c>builtins.all
    /// builtins.isAttrs values</c> in every module merge), and a function calling through one could
    /// not reuse its frame (see <see cref="Node.KeepsNoFrame"/>) nor call the builtin directly. Nix
    /// makes a thunk of it all the same, so the constant is marked as one (lazy printing shows it).
    /// </summary>
    private static Value? KnownAttribute(Node target, AttrKey[] path) =>
        path is [{ Static: { } name }] ? KnownAttribute(target, name) : null;

    private static Value? KnownAttribute(Node? target, Symbol name) =>
        target is VarNode { Known: AttrSetValue set } && set.Get(name) is { } value and not Thunk ? value : null;

    private Node BindLambda(LambdaExpr lambda, string? name)
    {
        var node = new LambdaNode(_source, lambda.Span) { Name = name, ArgName = lambda.ArgName, Ellipsis = lambda.Formals?.Ellipsis ?? false };
        var frame = ResolvedScopes.Frame(lambda);
        if (lambda.ArgName is not null) node.ArgSlot = frame.ArgSlot;
        node.FrameSize = frame.Size;
        node.CopiedSlots = frame.CopiedSlots;
        if (lambda.Formals is { } f)
        {
            var formals = NodeLists.Items(f.Items);
            var bound = new BoundFormal[formals.Length];
            for (var i = 0; i < formals.Length; i++)
            {
                var formal = formals[i];
                bound[i] = new BoundFormal(Symbol.Intern(formal.Name), formal.Default is null ? null : Bind(formal.Default), new SourceLocation(_source, formal.Span));
            }
            node.Formals = bound;
        }
        node.Body = Bind(lambda.Body);
        node.DecideCallShape();
        return node;
    }

    private Node BindValue(Expr value, string name) =>
        value is LambdaExpr lambda ? BindLambda(lambda, name) : Bind(value);

    // ---- attribute sets and let ----

    private Node BindSet(MergedAttrs set)
    {
        var ordered = ScopeResolver.InSlotOrder(set);
        var symbols = new Symbol[ordered.Length];
        var values = new Node[ordered.Length];
        Span<bool> fromOuter = ordered.Length <= MaxFlagsOnStack ? stackalloc bool[ordered.Length] : new bool[ordered.Length];
        var positions = new SourceLocation[ordered.Length];
        InheritSources? sources = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            symbols[i] = NameSymbol(ordered[i].Name);
            positions[i] = new SourceLocation(_source, ordered[i].NameSpan);
            (values[i], fromOuter[i]) = BindEntry(ordered[i], i, ref sources, ordered.Length);
        }
        var dynamicItems = set.DynamicItems;
        var dynamic = dynamicItems.IsEmpty ? [] : new DynamicAttr[dynamicItems.Length];
        for (var i = 0; i < dynamicItems.Length; i++)
        {
            var d = dynamicItems[i];
            dynamic[i] = new DynamicAttr(Bind(d.Name.Expression), d.Nested is { } nested ? BindSet(nested) : BindValue(d.Value!, ""),
                new SourceLocation(_source, d.Name.Span));
        }
        return new AttrsNode(_source, set.Span, set.Recursive, set.OpenBrace, symbols, values, FromOuterFlags(fromOuter), positions, dynamic, _interpreter)
        {
            Inherits = sources?.Bind(Bind),
        };
    }

    /// <summary>
    /// The sources of the <c>inherit (e) a b;</c> clauses of one set or <c>let</c>: each clause's
    /// <c>e</c> is bound once and evaluated once per instantiation for all its names, as newer Nix
    /// does (a <c>trace</c> in <c>e</c> prints once; Nix 2.8 evaluated it per name).
    /// </summary>
    private sealed class InheritSources(int count)
    {
        /// <summary>Past this many clauses they are found through a dictionary: a hostile file may
        /// have thousands, and a scan per inherited name would be quadratic.</summary>
        private const int ScannedClauses = 8;

        private readonly List<Expr> _expressions = [];
        private Dictionary<Expr, int>? _groupOf;
        private int[]? _groups;

        /// <summary>The clause of entry <paramref name="index"/> is <paramref name="from"/>.</summary>
        public void Add(int index, Expr from)
        {
            if (_groups is null) Array.Fill(_groups = new int[count], -1);
            _groups[index] = GroupOf(from);
        }

        private int GroupOf(Expr from)
        {
            if (_groupOf is not null)
            {
                if (_groupOf.TryGetValue(from, out var known)) return known;
            }
            else
            {
                for (var i = 0; i < _expressions.Count; i++)
                {
                    if (ReferenceEquals(_expressions[i], from)) return i;
                }
            }
            var group = _expressions.Count;
            _expressions.Add(from);
            if (_groupOf is not null) _groupOf.Add(from, group);
            else if (_expressions.Count > ScannedClauses)
            {
                _groupOf = new Dictionary<Expr, int>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < _expressions.Count; i++) _groupOf.Add(_expressions[i], i);
            }
            return group;
        }

        public InheritedSources? Bind(Func<Expr, Node> bind) =>
            _groups is null ? null : new InheritedSources([.. _expressions.Select(bind)], _groups);
    }

    /// <param name="sources">The set's <c>inherit (e)</c> sources, made when the first is met (most sets have none).</param>
    private (Node Node, bool FromOuter) BindEntry(MergedAttr attr, int index, ref InheritSources? sources, int count)
    {
        if (attr.Inherited) return (Variable(attr, attr.Name, attr.Span), true);
        if (attr.InheritedFrom is { } from)
        {
            // `inherit (builtins) head;` is `builtins.head`, a constant as in BindSelect.
            if (from is Identifier { Bound: var fromNode } && KnownAttribute(fromNode, NameSymbol(attr.Name)) is { } known)
                return (new ConstNode(_source, attr.Span, known, thunkedByNix: true), false);
            // The source is the one slot of the frame InheritedSources makes for the clause.
            (sources ??= new InheritSources(count)).Add(index, from);
            var source = new VarNode(_source, from.Span, level: 0, index: 0);
            return (new SelectNode(_source, attr.Span, source,
                [new AttrKey(NameSymbol(attr.Name), null, new SourceLocation(_source, attr.Span))], null, _interpreter, _baseDirectory), false);
        }
        if (attr.Nested is { } nested) return (BindSet(nested), false);
        return (BindValue(attr.Value!, attr.Name), false);
    }

    private Node BindLet(LetExpr let)
    {
        var ordered = ScopeResolver.InSlotOrder(ResolvedScopes.Merged(let));
        var values = new Node[ordered.Length];
        Span<bool> fromOuter = ordered.Length <= MaxFlagsOnStack ? stackalloc bool[ordered.Length] : new bool[ordered.Length];
        InheritSources? sources = null;
        for (var i = 0; i < ordered.Length; i++) (values[i], fromOuter[i]) = BindEntry(ordered[i], i, ref sources, ordered.Length);
        return new LetNode(_source, let.Span, values, FromOuterFlags(fromOuter), Bind(let.Body), ResolvedScopes.LetFrame(let)) { Inherits = sources?.Bind(Bind) };
    }

    /// <summary>Sets and <c>let</c>s up to this size gather their flags on the stack.</summary>
    private const int MaxFlagsOnStack = 32;

    /// <summary>Read-only all-false flags by length: nearly every set and <c>let</c> inherits nothing from
    /// outside, and a large file has thousands of them.</summary>
    private static readonly bool[]?[] NoneFromOuter = new bool[MaxFlagsOnStack + 1][];

    /// <summary>Which entries are <c>inherit name;</c> (read from the scope outside the set), as the node
    /// keeps them: shared when there are none.</summary>
    private static bool[] FromOuterFlags(ReadOnlySpan<bool> flags) =>
        flags.Contains(true) || flags.Length > MaxFlagsOnStack ? flags.ToArray() : NoneFromOuter[flags.Length] ??= new bool[flags.Length];
}
