using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The checks Nix makes while parsing, after the grammar: attributes defined twice (also
/// through dotted paths and nested sets, which Nix merges), duplicate formal arguments, and
/// variables that no enclosing scope binds (outside any <c>with</c>, whose names are only
/// known at evaluation). The parser makes the same checks while it parses; this walk is what it
/// falls back on where a path extends a <c>rec</c> set literal (and the reference the parser's
/// checks are tested against).
/// </summary>
public static class StaticChecker
{
    public static void Check(SourceText source, Expr root, DiagnosticBag diagnostics)
    {
        new Walker(source, diagnostics).Visit(root, Scope.Global);
    }

    /// <summary>Up to this many bindings, comparing names pairwise is cheaper than hashing them.</summary>
    private const int SmallSetSize = 8;

    /// <summary>Whether every binding is <c>name = value;</c> with a plain name, no name twice:
    /// the common set, for which merging would build a map only to find nothing to report.</summary>
    internal static bool HasOnlyDistinctSimpleNames(ReadOnlySpan<Binding> bindings, HashSet<string> seen)
    {
        foreach (var binding in bindings)
        {
            if (binding is not AttrBinding attr || NodeLists.Items(attr.Path.Names) is not [StaticAttrName]) return false;
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

    private static string SimpleName(Binding binding) => ((StaticAttrName)NodeLists.Items(((AttrBinding)binding).Path.Names)[0]).Name;

    /// <summary>A formal named twice, or the '@' name repeating a formal. Most patterns are
    /// short, and comparing each name with the ones before it needs no set; a long one would make
    /// that quadratic, so its names go through a set.</summary>
    internal static void ReportDuplicateFormals(SourceText source, DiagnosticBag diagnostics, LambdaExpr lambda, HashSet<string> seen)
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
            seen.Clear();
            foreach (var formal in items)
            {
                if (!seen.Add(formal.Name)) diagnostics.Add(SyntaxDiagnostics.DuplicateFormal(source, formal.Span, formal.Name));
            }
        }
        if (lambda.ArgName is { } arg && lambda.Formals is { } pattern && pattern.Declares(arg))
            diagnostics.Add(SyntaxDiagnostics.DuplicateFormal(source, lambda.Span, arg));
    }

    /// <summary>A chain of scopes; a set's scope reads its merged attributes and a function's
    /// scope its own argument name and formals directly, without copying names into a set.</summary>
    private sealed class Scope
    {
        public static readonly Scope Global = new(null, null, null, null, hasWith: false);

        private readonly Scope? _parent;
        private readonly string? _argName;
        private readonly Formals? _formals;
        private readonly MergedAttrs? _attrs;

        private Scope(Scope? parent, string? argName, Formals? formals, MergedAttrs? attrs, bool hasWith)
        {
            _parent = parent;
            _argName = argName;
            _formals = formals;
            _attrs = attrs;
            HasWith = hasWith || (parent?.HasWith ?? false);
        }

        public bool HasWith { get; }

        public bool Binds(string name)
        {
            for (var scope = this; scope is not null; scope = scope._parent)
            {
                if (scope._argName == name) return true;
                if (scope._formals is { } formals && formals.Declares(name)) return true;
                if (scope._attrs is { } attrs && attrs.TryGet(name, out _)) return true;
            }
            return GlobalNames.IsGlobal(name);
        }

        public Scope With(string? argName, Formals? formals) => new(this, argName, formals, null, false);

        public Scope With(MergedAttrs attrs) => new(this, null, null, attrs, false);

        public Scope WithDynamic() => new(this, null, null, null, true);
    }

    private sealed class Walker(SourceText source, DiagnosticBag diagnostics)
    {
        /// <summary>Reused for the names of larger sets; filled and read before any value is visited.</summary>
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Visit(Expr expr, Scope scope)
        {
            switch (expr)
            {
                case Identifier id:
                    if (!scope.HasWith && !scope.Binds(id.Name))
                        diagnostics.Add(SyntaxDiagnostics.UndefinedVariable(source, id.Span, id.Name));
                    break;
                case AttrSetExpr set when !set.Recursive && HasOnlyDistinctSimpleNames(NodeLists.Items(set.Bindings), _seen):
                    // Nothing to merge and nothing defined twice: the values, in order, are all
                    // the merge would have visited, and they see the scope around the set.
                    foreach (var binding in NodeLists.Items(set.Bindings)) Visit(((AttrBinding)binding).Value, scope);
                    break;
                case AttrSetExpr set:
                    VisitMerged(AttrSetMerger.Merge(source, set.Bindings, diagnostics, recursive: set.Recursive), scope, scope);
                    break;
                case LetExpr let:
                    {
                        var merged = AttrSetMerger.Merge(source, let.Bindings, diagnostics, isLet: true, recursive: true);
                        var inner = VisitMerged(merged, scope, scope);
                        Visit(let.Body, inner);
                        break;
                    }
                case LegacyLetExpr legacy:
                    VisitMerged(AttrSetMerger.Merge(source, legacy.Bindings, diagnostics, recursive: true), scope, scope);
                    break;
                case LambdaExpr lambda:
                    {
                        ReportDuplicateFormals(source, diagnostics, lambda, _seen);
                        var inner = scope.With(lambda.ArgName, lambda.Formals);
                        if (lambda.Formals is { } f)
                        {
                            foreach (var formal in NodeLists.Items(f.Items))
                            {
                                if (formal.Default is { } d) Visit(d, inner);
                            }
                        }
                        Visit(lambda.Body, inner);
                        break;
                    }
                case WithExpr with:
                    Visit(with.Scope, scope);
                    Visit(with.Body, scope.WithDynamic());
                    break;
                case SelectExpr select:
                    Visit(select.Target, scope);
                    VisitPath(select.Path, scope);
                    if (select.Default is { } fallback) Visit(fallback, scope);
                    break;
                case HasAttrExpr has:
                    Visit(has.Target, scope);
                    VisitPath(has.Path, scope);
                    break;
                case CallExpr call:
                    Visit(call.Function, scope);
                    Visit(call.Argument, scope);
                    break;
                case BinaryExpr binary:
                    Visit(binary.Left, scope);
                    Visit(binary.Right, scope);
                    break;
                case UnaryExpr unary:
                    Visit(unary.Operand, scope);
                    break;
                case IfExpr ifExpr:
                    Visit(ifExpr.Condition, scope);
                    Visit(ifExpr.Then, scope);
                    Visit(ifExpr.Else, scope);
                    break;
                case AssertExpr assert:
                    Visit(assert.Condition, scope);
                    Visit(assert.Body, scope);
                    break;
                case ListExpr list:
                    foreach (var item in NodeLists.Items(list.Items)) Visit(item, scope);
                    break;
                case StringExpr str:
                    VisitParts(str.Parts, scope);
                    break;
                case PathExpr path:
                    VisitParts(path.Parts, scope);
                    break;
            }
        }

        /// <summary>Visits a merged set; returns the scope its values see. Values and
        /// <c>inherit (e)</c> sources see the set's own names when it is recursive (or a
        /// <c>let</c>); plain <c>inherit x</c> looks <c>x</c> up in <paramref name="inheritScope"/>,
        /// the scope around the set, as Nix does.</summary>
        private Scope VisitMerged(MergedAttrs attrs, Scope scope, Scope inheritScope)
        {
            var inner = attrs.Recursive ? scope.With(attrs) : scope;
            Expr? visitedFrom = null;
            for (var a = 0; a < attrs.Static.Count; a++)
            {
                var attr = attrs.Static[a];
                if (attr.Inherited)
                {
                    if (!inheritScope.HasWith && !inheritScope.Binds(attr.Name))
                        diagnostics.Add(SyntaxDiagnostics.UndefinedVariable(source, attr.Span, attr.Name));
                }
                else if (attr.InheritedFrom is { } from)
                {
                    // 'inherit (e) a b;' gives each name the same e: checked once.
                    if (!ReferenceEquals(from, visitedFrom)) Visit(from, inner);
                    visitedFrom = from;
                }
                else if (attr.Nested is { } nested)
                {
                    VisitMerged(nested, inner, inner);
                }
                else if (attr.Value is { } value)
                {
                    Visit(value, inner);
                }
            }
            for (var d = 0; d < attrs.Dynamic.Count; d++)
            {
                var dynamic = attrs.Dynamic[d];
                Visit(dynamic.Name.Expression, inner);
                if (dynamic.Nested is { } nested) VisitMerged(nested, inner, inner);
                else if (dynamic.Value is { } value) Visit(value, inner);
            }
            return inner;
        }

        private void VisitPath(AttrPath path, Scope scope)
        {
            foreach (var name in NodeLists.Items(path.Names))
            {
                if (name is DynamicAttrName dynamic) Visit(dynamic.Expression, scope);
            }
        }

        private void VisitParts(IReadOnlyList<StringPart> parts, Scope scope)
        {
            foreach (var part in NodeLists.Items(parts))
            {
                if (part is InterpolationPart interpolation) Visit(interpolation.Expression, scope);
            }
        }
    }
}
