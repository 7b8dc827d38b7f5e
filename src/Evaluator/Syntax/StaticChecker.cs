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
        new Walker(source, diagnostics).Visit(root);
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

    /// <summary>
    /// Walks the tree down, keeping how many enclosing scopes bind each name (and how many
    /// <c>with</c> bodies it is in), pushed as a scope opens and popped as it closes. (A chain of
    /// scope objects, searched upwards for each variable, cost the depth of the tree per variable:
    /// 1,000 nested lets around 450,000 variables took seconds.)
    /// </summary>
    private sealed class Walker(SourceText source, DiagnosticBag diagnostics)
    {
        /// <summary>Reused for the names of larger sets; filled and read before any value is visited.</summary>
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        private readonly Dictionary<string, int> _bound = new(StringComparer.Ordinal);

        private int _withBodies;

        private bool IsBound(string name) => (_bound.TryGetValue(name, out var count) && count > 0) || GlobalNames.IsGlobal(name);

        private void Push(string name) => _bound[name] = _bound.TryGetValue(name, out var count) ? count + 1 : 1;

        private void Pop(string name) => _bound[name]--;

        private void CheckVariable(string name, TextSpan span)
        {
            if (_withBodies == 0 && !IsBound(name)) diagnostics.Add(SyntaxDiagnostics.UndefinedVariable(source, span, name));
        }

        public void Visit(Expr expr)
        {
            switch (expr)
            {
                case Identifier id:
                    CheckVariable(id.Name, id.Span);
                    break;
                case AttrSetExpr set when !set.Recursive && HasOnlyDistinctSimpleNames(NodeLists.Items(set.Bindings), _seen):
                    // Nothing to merge and nothing defined twice: the values, in order, are all
                    // the merge would have visited, and they see the scope around the set.
                    foreach (var binding in NodeLists.Items(set.Bindings)) Visit(((AttrBinding)binding).Value);
                    break;
                case AttrSetExpr set:
                    VisitMerged(AttrSetMerger.Merge(source, set.Bindings, diagnostics, recursive: set.Recursive), body: null);
                    break;
                case LetExpr let:
                    VisitMerged(AttrSetMerger.Merge(source, let.Bindings, diagnostics, isLet: true, recursive: true), let.Body);
                    break;
                case LegacyLetExpr legacy:
                    VisitMerged(AttrSetMerger.Merge(source, legacy.Bindings, diagnostics, recursive: true), body: null);
                    break;
                case LambdaExpr lambda:
                    {
                        ReportDuplicateFormals(source, diagnostics, lambda, _seen);
                        var formals = lambda.Formals is { } f ? NodeLists.Items(f.Items) : [];
                        if (lambda.ArgName is { } arg) Push(arg);
                        foreach (var formal in formals) Push(formal.Name);
                        foreach (var formal in formals)
                        {
                            if (formal.Default is { } d) Visit(d);
                        }
                        Visit(lambda.Body);
                        foreach (var formal in formals) Pop(formal.Name);
                        if (lambda.ArgName is { } argName) Pop(argName);
                        break;
                    }
                case WithExpr with:
                    Visit(with.Scope);
                    _withBodies++;
                    Visit(with.Body);
                    _withBodies--;
                    break;
                case SelectExpr select:
                    Visit(select.Target);
                    VisitPath(select.Path);
                    if (select.Default is { } fallback) Visit(fallback);
                    break;
                case HasAttrExpr has:
                    Visit(has.Target);
                    VisitPath(has.Path);
                    break;
                case CallExpr call:
                    Visit(call.Function);
                    Visit(call.Argument);
                    break;
                case BinaryExpr binary:
                    Visit(binary.Left);
                    Visit(binary.Right);
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

        /// <summary>Visits a merged set, then <paramref name="body"/> (a <c>let</c>'s) in its scope.
        /// Values and <c>inherit (e)</c> sources see the set's own names when it is recursive (or a
        /// <c>let</c>); plain <c>inherit x</c> looks <c>x</c> up in the scope around the set, as Nix
        /// does, so those are checked before the set's names are bound.</summary>
        private void VisitMerged(MergedAttrs attrs, Expr? body)
        {
            foreach (var attr in attrs.Static)
            {
                if (attr.Inherited) CheckVariable(attr.Name, attr.Span);
            }
            if (attrs.Recursive)
            {
                foreach (var attr in attrs.Static) Push(attr.Name);
            }
            Expr? visitedFrom = null;
            foreach (var attr in attrs.Static)
            {
                if (attr.Inherited) continue;
                if (attr.InheritedFrom is { } from)
                {
                    // 'inherit (e) a b;' gives each name the same e: checked once.
                    if (!ReferenceEquals(from, visitedFrom)) Visit(from);
                    visitedFrom = from;
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
            foreach (var dynamic in attrs.Dynamic)
            {
                Visit(dynamic.Name.Expression);
                if (dynamic.Nested is { } nested) VisitMerged(nested, body: null);
                else if (dynamic.Value is { } value) Visit(value);
            }
            if (body is not null) Visit(body);
            if (attrs.Recursive)
            {
                foreach (var attr in attrs.Static) Pop(attr.Name);
            }
        }

        private void VisitPath(AttrPath path)
        {
            foreach (var name in NodeLists.Items(path.Names))
            {
                if (name is DynamicAttrName dynamic) Visit(dynamic.Expression);
            }
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
