using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// Lowers a syntax tree into evaluable nodes. It guarantees, before anything runs: every
/// variable is resolved to a frame level and slot (or, under <c>with</c>, marked for run-time
/// lookup), an unbound variable is reported as <c>undefined variable</c> even in code never
/// evaluated (as Nix does), attribute paths and <c>inherit</c> are desugared and duplicate
/// attributes are reported. Paths are made absolute against the directory of the source.
/// </summary>
internal sealed class Binder
{
    private readonly Interpreter _interpreter;
    private readonly SourceText _source;
    private readonly string _baseDirectory;

    public Binder(Interpreter interpreter, SourceText source, string baseDirectory)
    {
        _interpreter = interpreter;
        _source = source;
        _baseDirectory = baseDirectory;
    }

    public Node Bind(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case IntLiteral i: return new ConstNode(_source, i.Span, IntValue.Of(i.Value));
            case FloatLiteral f: return new ConstNode(_source, f.Span, new FloatValue(f.Value));
            case UriLiteral u:
                Lint(LiteralLints.UrlLiterals, $"URL literals are discouraged. Consider using a string literal \"{u.Value}\" instead (lint-url-literals)", u.Span,
                    $"URL literals are disallowed. Consider using a string literal \"{u.Value}\" instead (lint-url-literals)");
                return new ConstNode(_source, u.Span, StringValue.Of(u.Value));
            case StringExpr s: return BindString(s, scope);
            case PathExpr p: return BindPath(p, scope);
            case Identifier id: return ResolveVariable(id.Name, id.Span, scope);
            case CurPosExpr curPos: return new ConstNode(_source, curPos.Span, PositionValue(curPos.Span));
            case SearchPathExpr sp:
                return new CallNode(_source, sp.Span, ResolveVariable("__findFile", sp.Span, scope),
                    [ResolveVariable("__nixPath", sp.Span, scope), new ConstNode(_source, sp.Span, StringValue.Of(sp.Name))], _interpreter);
            case ListExpr l: return new ListNode(_source, l.Span, l.Items.Select(item => Bind(item, scope)).ToArray());
            case AttrSetExpr a: return BindSet(CollectSet(a.Recursive, a.Span, a.Bindings, allowDynamic: true), scope);
            case LetExpr let: return BindLet(let, scope);
            case LegacyLetExpr legacy:
            {
                var set = BindSet(CollectSet(true, legacy.Span, legacy.Bindings, allowDynamic: true), scope);
                var body = new AttrKey(Symbol.Intern("body"), null, new SourceLocation(_source, legacy.Span));
                return new SelectNode(_source, legacy.Span, set, [body], null, _interpreter);
            }
            case LambdaExpr lambda: return BindLambda(lambda, scope, null);
            case CallExpr call: return BindCall(call, scope);
            case SelectExpr select:
                return new SelectNode(_source, select.Span, Bind(select.Target, scope), BindPath(select.Path, scope),
                    select.Default is null ? null : Bind(select.Default, scope), _interpreter);
            case HasAttrExpr has:
                return new HasAttrNode(_source, has.Span, Bind(has.Target, scope), BindPath(has.Path, scope), _interpreter);
            case IfExpr ifExpr:
                return new IfNode(_source, ifExpr.Span, Bind(ifExpr.Condition, scope), Bind(ifExpr.Then, scope), Bind(ifExpr.Else, scope));
            case AssertExpr assert:
                return new AssertNode(_source, assert.Span, Bind(assert.Condition, scope), Bind(assert.Body, scope));
            case WithExpr with:
                return new WithNode(_source, with.Span, Bind(with.Scope, scope), Bind(with.Body, Scope.With(scope)));
            case UnaryExpr { Operator: UnaryOperator.Not } not:
                return new NotNode(_source, not.Span, Bind(not.Operand, scope));
            case UnaryExpr negate:
                return new BinaryNode(_source, negate.Span, BinaryOperator.Subtract, negate.Span,
                    new ConstNode(_source, negate.Span, IntValue.Of(0)), Bind(negate.Operand, scope), _interpreter);
            case BinaryExpr { Operator: BinaryOperator.Add } add:
                return new ConcatNode(_source, add.Span, [Bind(add.Left, scope), Bind(add.Right, scope)], false, _interpreter);
            case BinaryExpr binary:
                return new BinaryNode(_source, binary.Span, binary.Operator, binary.OperatorSpan, Bind(binary.Left, scope), Bind(binary.Right, scope), _interpreter);
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

    private Node ResolveVariable(string name, TextSpan span, Scope scope)
    {
        if (name == "__curPos") return new ConstNode(_source, span, PositionValue(span));
        var resolution = scope.Resolve(name);
        if (resolution.Index >= 0) return new VarNode(_source, span, name, resolution.Level, resolution.Index);
        if (resolution.WithLevels is { } withLevels) return new WithVarNode(_source, span, name, withLevels, _interpreter);
        throw Error(EvaluationDiagnostics.UndefinedVariable, $"undefined variable '{name}'", span);
    }

    /// <summary>The <c>{ file, line, column }</c> set of <c>__curPos</c> and <c>unsafeGetAttrPos</c>.</summary>
    private AttrSetValue PositionValue(TextSpan span) => Interpreter.MakePosition(new SourceLocation(_source, span));

    private Node BindString(StringExpr s, Scope scope)
    {
        // Nix strings are C strings: a literal holding a NUL byte is rejected when the file is read.
        foreach (var literal in s.Parts.OfType<LiteralPart>()) NulBytes.Rejected(literal.Text, new SourceLocation(_source, literal.Span));
        if (s.Parts.All(p => p is LiteralPart))
        {
            return new ConstNode(_source, s.Span, StringValue.Of(string.Concat(s.Parts.Cast<LiteralPart>().Select(p => p.Text))));
        }
        var parts = s.Parts.Select(p => p switch
        {
            LiteralPart lit => (Node)new ConstNode(_source, lit.Span, StringValue.Of(lit.Text)),
            InterpolationPart interp => Bind(interp.Expression, scope),
            _ => throw Error(EvaluationDiagnostics.General, "unknown string part", p.Span),
        }).ToArray();
        return new ConcatNode(_source, s.Span, parts, true, _interpreter);
    }

    private Node BindPath(PathExpr p, Scope scope)
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
        foreach (var part in p.Parts.Skip(1))
        {
            parts.Add(part switch
            {
                LiteralPart lit => new ConstNode(_source, lit.Span, StringValue.Of(lit.Text)),
                InterpolationPart interp => Bind(interp.Expression, scope),
                _ => throw Error(EvaluationDiagnostics.General, "unknown path part", part.Span),
            });
        }
        return new ConcatNode(_source, p.Span, parts.ToArray(), false, _interpreter);
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

    private Node BindCall(CallExpr call, Scope scope)
    {
        var args = new List<Expr>();
        Expr function = call;
        while (function is CallExpr c)
        {
            args.Add(c.Argument);
            function = c.Function;
        }
        args.Reverse();
        return new CallNode(_source, call.Span, Bind(function, scope), args.Select(a => Bind(a, scope)).ToArray(), _interpreter);
    }

    private AttrKey[] BindPath(AttrPath path, Scope scope) =>
        path.Names.Select(n => n switch
        {
            StaticAttrName s => new AttrKey(Symbol.Intern(s.Name), null, new SourceLocation(_source, s.Span)),
            DynamicAttrName d => new AttrKey(null, Bind(d.Expression, scope), new SourceLocation(_source, d.Span)),
            _ => throw Error(EvaluationDiagnostics.General, "unknown attribute name", n.Span),
        }).ToArray();

    private Node BindLambda(LambdaExpr lambda, Scope scope, string? name)
    {
        var node = new LambdaNode(_source, lambda.Span) { Name = name, ArgName = lambda.ArgName, Ellipsis = lambda.Formals?.Ellipsis ?? false };
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        if (lambda.Formals is { } formals)
        {
            foreach (var formal in formals.Items)
            {
                if (!names.TryAdd(formal.Name, names.Count))
                {
                    throw Error(EvaluationDiagnostics.DuplicateAttribute, $"duplicate formal function argument '{formal.Name}'", formal.Span);
                }
            }
        }
        if (lambda.ArgName is { } argName)
        {
            if (names.ContainsKey(argName))
            {
                throw Error(EvaluationDiagnostics.DuplicateAttribute, $"duplicate formal function argument '{argName}'", lambda.Span);
            }
            node.ArgSlot = names.Count;
            names.Add(argName, names.Count);
        }
        node.FrameSize = names.Count;
        var inner = Scope.Static(scope, names);
        if (lambda.Formals is { } f)
        {
            node.Formals = f.Items.Select(formal => new BoundFormal(Symbol.Intern(formal.Name),
                formal.Default is null ? null : Bind(formal.Default, inner), new SourceLocation(_source, formal.Span))).ToArray();
        }
        node.Body = Bind(lambda.Body, inner);
        return node;
    }

    private Node BindValue(Expr value, Scope scope, string name) =>
        value is LambdaExpr lambda ? BindLambda(lambda, scope, name) : Bind(value, scope);

    // ---- attribute sets and let ----

    private PendingSet CollectSet(bool recursive, TextSpan span, IReadOnlyList<Binding> bindings, bool allowDynamic)
    {
        var set = new PendingSet(recursive, span);
        foreach (var binding in bindings)
        {
            switch (binding)
            {
                case AttrBinding attr:
                    AddAttr(set, attr, allowDynamic);
                    break;
                case InheritBinding inherit:
                    foreach (var n in inherit.Names)
                    {
                        if (n is not StaticAttrName s)
                        {
                            throw Error(EvaluationDiagnostics.Syntax, "dynamic attributes not allowed in inherit", n.Span);
                        }
                        if (set.Static.TryGetValue(s.Name, out var existing))
                        {
                            throw Duplicate(s.Name, s.Span, existing.NameSpan);
                        }
                        set.Static.Add(s.Name, new InheritEntry(s.Span, s.Name, inherit.From));
                    }
                    break;
            }
        }
        return set;
    }

    private EvaluationException Duplicate(string path, TextSpan span, TextSpan previous) =>
        Error(EvaluationDiagnostics.DuplicateAttribute,
            $"attribute '{path}' already defined at {new SourceLocation(_source, previous)}", span);

    private void AddAttr(PendingSet target, AttrBinding attr, bool allowDynamic)
    {
        var names = attr.Path.Names;
        var current = target;
        var pathText = "";
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var last = i == names.Count - 1;
            if (name is DynamicAttrName)
            {
                if (!allowDynamic && current == target)
                {
                    throw Error(EvaluationDiagnostics.Syntax, "dynamic attributes not allowed in let", name.Span);
                }
                if (last)
                {
                    current.Dynamic.Add((name, new LeafEntry(name.Span, attr.Value)));
                }
                else
                {
                    var nested = new PendingSet(false, name.Span);
                    current.Dynamic.Add((name, new NestedEntry(name.Span, nested)));
                    current = nested;
                }
                pathText += (pathText.Length > 0 ? "." : "") + "\"${...}\"";
                continue;
            }

            var staticName = ((StaticAttrName)name).Name;
            pathText += (pathText.Length > 0 ? "." : "") + staticName;
            current.Static.TryGetValue(staticName, out var existing);
            if (last)
            {
                if (existing is null)
                {
                    current.Static.Add(staticName, new LeafEntry(name.Span, attr.Value));
                }
                else if (attr.Value is AttrSetExpr literal && AsNested(existing) is { } existingSet)
                {
                    current.Static[staticName] = new NestedEntry(existing.NameSpan, existingSet);
                    var incoming = CollectSet(literal.Recursive, literal.Span, literal.Bindings, true);
                    foreach (var (key, entry) in incoming.Static)
                    {
                        if (existingSet.Static.TryGetValue(key, out var clash)) throw Duplicate($"{pathText}.{key}", entry.NameSpan, clash.NameSpan);
                        existingSet.Static.Add(key, entry);
                    }
                    existingSet.Dynamic.AddRange(incoming.Dynamic);
                }
                else
                {
                    throw Duplicate(pathText, name.Span, existing.NameSpan);
                }
            }
            else
            {
                if (existing is null)
                {
                    var nested = new PendingSet(false, name.Span);
                    current.Static.Add(staticName, new NestedEntry(name.Span, nested));
                    current = nested;
                }
                else if (AsNested(existing) is { } existingSet)
                {
                    current.Static[staticName] = new NestedEntry(existing.NameSpan, existingSet);
                    current = existingSet;
                }
                else
                {
                    throw Duplicate(pathText, name.Span, existing.NameSpan);
                }
            }
        }
    }

    /// <summary>The set an entry can be merged into: a nested set, or a set literal turned into one.</summary>
    private PendingSet? AsNested(PendingEntry entry) => entry switch
    {
        NestedEntry n => n.Set,
        LeafEntry { Value: AttrSetExpr literal } => CollectSet(literal.Recursive, literal.Span, literal.Bindings, true),
        _ => null,
    };

    private Node BindSet(PendingSet set, Scope outer)
    {
        var sortedNames = set.Static.Keys.ToArray();
        Array.Sort(sortedNames, string.CompareOrdinal);
        var scope = outer;
        if (set.Recursive)
        {
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < sortedNames.Length; i++) slots.Add(sortedNames[i], i);
            scope = Scope.Static(outer, slots);
        }

        var symbols = new Symbol[sortedNames.Length];
        var values = new Node[sortedNames.Length];
        var fromOuter = new bool[sortedNames.Length];
        var positions = new SourceLocation[sortedNames.Length];
        for (var i = 0; i < sortedNames.Length; i++)
        {
            var entry = set.Static[sortedNames[i]];
            symbols[i] = Symbol.Intern(sortedNames[i]);
            positions[i] = new SourceLocation(_source, entry.NameSpan);
            (values[i], fromOuter[i]) = BindEntry(sortedNames[i], entry, scope, outer);
        }
        var dynamic = set.Dynamic.Select(d => new DynamicAttr(
            BindAttrName(d.Name, scope),
            BindEntry("", d.Entry, scope, outer).Node,
            new SourceLocation(_source, d.Name.Span))).ToArray();
        return new AttrsNode(_source, set.Span, set.Recursive, symbols, values, fromOuter, positions, dynamic, _interpreter);
    }

    private (Node Node, bool FromOuter) BindEntry(string name, PendingEntry entry, Scope scope, Scope outer) => entry switch
    {
        LeafEntry leaf => (BindValue(leaf.Value, scope, name), false),
        InheritEntry { From: null } inherit => (ResolveVariable(inherit.Name, inherit.NameSpan, outer), true),
        InheritEntry inherit => (new SelectNode(_source, inherit.NameSpan, Bind(inherit.From!, scope),
            [new AttrKey(Symbol.Intern(inherit.Name), null, new SourceLocation(_source, inherit.NameSpan))], null, _interpreter), false),
        NestedEntry nested => (BindSet(nested.Set, scope), false),
        _ => throw Error(EvaluationDiagnostics.General, "unknown binding", entry.NameSpan),
    };

    private Node BindAttrName(AttrName name, Scope scope) => name switch
    {
        DynamicAttrName d => Bind(d.Expression, scope),
        StaticAttrName s => new ConstNode(_source, s.Span, StringValue.Of(s.Name)),
        _ => throw Error(EvaluationDiagnostics.General, "unknown attribute name", name.Span),
    };

    private Node BindLet(LetExpr let, Scope outer)
    {
        var set = CollectSet(true, let.Span, let.Bindings, allowDynamic: false);
        if (set.Dynamic.Count > 0)
        {
            throw Error(EvaluationDiagnostics.Syntax, "dynamic attributes not allowed in let", set.Dynamic[0].Name.Span);
        }
        var names = set.Static.Keys.ToArray();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) slots.Add(names[i], i);
        var scope = Scope.Static(outer, slots);
        var values = new Node[names.Length];
        var fromOuter = new bool[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            (values[i], fromOuter[i]) = BindEntry(names[i], set.Static[names[i]], scope, outer);
        }
        return new LetNode(_source, let.Span, values, fromOuter, Bind(let.Body, scope));
    }
}
