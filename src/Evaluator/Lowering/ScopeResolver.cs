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
        new Walker(source, diagnostics, null).Visit(root, null);

    /// <summary>For lowering: resolves every variable against <paramref name="outer"/> (the global frame and
    /// whatever a <c>scopedImport</c> adds); problems go to <paramref name="diagnostics"/>.</summary>
    internal static ResolvedScopes Resolve(SourceText source, Expr root, Scope outer, DiagnosticBag diagnostics)
    {
        var resolved = new ResolvedScopes();
        new Walker(source, diagnostics, resolved).Visit(root, outer);
        return resolved;
    }

    /// <summary>The attributes of a recursive set or <c>let</c> in the order of their frame slots (and of
    /// a set's sorted names): by name, ordinal.</summary>
    internal static MergedAttr[] InSlotOrder(MergedAttrs attrs)
    {
        var ordered = attrs.Static.ToArray();
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return ordered;
    }

    /// <summary>Up to this many bindings, comparing names pairwise is cheaper than hashing them.</summary>
    private const int SmallSetSize = 8;

    /// <summary>Whether every binding is <c>name = value;</c> with a plain name, no name twice:
    /// the common set, for which merging would build a map only to find nothing to report.</summary>
    private static bool HasOnlyDistinctSimpleNames(ReadOnlySpan<Binding> bindings, HashSet<string> seen)
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

    /// <summary>
    /// Walks down with the chain of <see cref="Scope"/>s (one per run-time frame). A scope
    /// remembers the names looked up from it, so 1,000 nested scopes around 450,000 uses of a
    /// variable cost one search per scope, not one per use.
    /// </summary>
    private sealed class Walker(SourceText source, DiagnosticBag diagnostics, ResolvedScopes? resolved)
    {
        /// <summary>Reused for the names of larger sets and patterns; filled and read before any value is visited.</summary>
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        /// <summary>Resolves a use of <paramref name="name"/>; <paramref name="use"/> is the node the lowering
        /// asks about (null: the caller records the answer).</summary>
        private Scope.Resolution? Variable(object? use, string name, TextSpan span, Scope? scope)
        {
            // __curPos is a position, not a variable (the lowering makes it a constant).
            if (name == "__curPos") return null;
            var resolution = scope?.Resolve(name) ?? default(Scope.Resolution) with { Index = -1 };
            var bound = resolution.Index >= 0 || resolution.WithLevels is not null || (resolved is null && GlobalNames.IsGlobal(name));
            if (!bound)
            {
                diagnostics.Add(SyntaxDiagnostics.UndefinedVariable(source, span, name));
                return null;
            }
            if (use is not null) resolved?.AddVariable(use, resolution);
            return resolution;
        }

        public void Visit(Expr expr, Scope? scope)
        {
            switch (expr)
            {
                case Identifier id:
                    Variable(id, id.Name, id.Span, scope);
                    break;
                case SearchPathExpr path:
                    {
                        // <name> is __findFile __nixPath "name", with whatever those names are bound to here.
                        var findFile = Variable(null, "__findFile", path.Span, scope);
                        var nixPath = Variable(null, "__nixPath", path.Span, scope);
                        if (findFile is { } f && nixPath is { } n) resolved?.AddSearchPath(path, f, n);
                        break;
                    }
                case AttrSetExpr set when resolved is null && !set.Recursive && HasOnlyDistinctSimpleNames(NodeLists.Items(set.Bindings), _seen):
                    // Nothing to merge, nothing defined twice, no frame: only the values, which see
                    // the scope around the set. (Lowering needs the merged set, so it merges all.)
                    foreach (var binding in NodeLists.Items(set.Bindings)) Visit(((AttrBinding)binding).Value, scope);
                    break;
                case AttrSetExpr set:
                    VisitMerged(Merged(set, AttrSetMerger.Merge(source, set.Bindings, diagnostics, recursive: set.Recursive, span: set.Span)), scope, body: null);
                    break;
                case LetExpr let:
                    VisitMerged(Merged(let, AttrSetMerger.Merge(source, let.Bindings, diagnostics, isLet: true, recursive: true, span: let.Span)), scope, let.Body);
                    break;
                case LegacyLetExpr legacy:
                    VisitMerged(Merged(legacy, AttrSetMerger.Merge(source, legacy.Bindings, diagnostics, recursive: true, span: legacy.Span)), scope, body: null);
                    break;
                case LambdaExpr lambda:
                    VisitLambda(lambda, scope);
                    break;
                case WithExpr with:
                    Visit(with.Scope, scope);
                    Visit(with.Body, Scope.With(scope));
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

        private MergedAttrs Merged(Expr expr, MergedAttrs merged)
        {
            resolved?.AddMerged(expr, merged);
            return merged;
        }

        /// <summary>A function's frame: its formals in order (slot = index), then the '@' name.
        /// Defaults and body see all of them.</summary>
        private void VisitLambda(LambdaExpr lambda, Scope? outer)
        {
            ReportDuplicateFormals(lambda);
            var formals = lambda.Formals is { } f ? NodeLists.Items(f.Items) : [];
            var slots = new Dictionary<string, int>(formals.Length + 1, StringComparer.Ordinal);
            foreach (var formal in formals) slots.TryAdd(formal.Name, slots.Count);
            if (lambda.ArgName is { } arg) slots.TryAdd(arg, slots.Count);
            var scope = Scope.Static(outer, slots);
            resolved?.AddFrame(lambda, scope);
            foreach (var formal in formals)
            {
                if (formal.Default is { } value) Visit(value, scope);
            }
            Visit(lambda.Body, scope);
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
        private void VisitMerged(MergedAttrs attrs, Scope? outer, Expr? body)
        {
            foreach (var attr in attrs.Static)
            {
                if (attr.Inherited) Variable(attr, attr.Name, attr.Span, outer);
            }
            var scope = outer;
            if (attrs.Recursive)
            {
                var ordered = InSlotOrder(attrs);
                var slots = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
                for (var i = 0; i < ordered.Length; i++) slots.Add(ordered[i].Name, i);
                scope = Scope.Static(outer, slots);
            }
            Expr? visitedFrom = null;
            foreach (var attr in attrs.Static)
            {
                if (attr.Inherited) continue;
                if (attr.InheritedFrom is { } from)
                {
                    // 'inherit (e) a b;' gives each name the same e: resolved once.
                    if (!ReferenceEquals(from, visitedFrom)) Visit(from, scope);
                    visitedFrom = from;
                }
                else if (attr.Nested is { } nested)
                {
                    VisitMerged(nested, scope, body: null);
                }
                else if (attr.Value is { } value)
                {
                    Visit(value, scope);
                }
            }
            foreach (var dynamic in attrs.Dynamic)
            {
                Visit(dynamic.Name.Expression, scope);
                if (dynamic.Nested is { } nested) VisitMerged(nested, scope, body: null);
                else if (dynamic.Value is { } value) Visit(value, scope);
            }
            if (body is not null) Visit(body, scope);
        }

        private void VisitPath(AttrPath path, Scope? scope)
        {
            foreach (var name in NodeLists.Items(path.Names))
            {
                if (name is DynamicAttrName dynamic) Visit(dynamic.Expression, scope);
            }
        }

        private void VisitParts(IReadOnlyList<StringPart> parts, Scope? scope)
        {
            foreach (var part in NodeLists.Items(parts))
            {
                if (part is InterpolationPart interpolation) Visit(interpolation.Expression, scope);
            }
        }
    }
}
