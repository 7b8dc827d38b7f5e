using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Merges the bindings of one set or <c>let</c> as Nix's parser does (its <c>addAttr</c>),
/// reporting attributes defined twice. A nested set literal is merged (and its own duplicates
/// reported) only when a later path extends it; otherwise it stays a value, merged when the
/// checker or printer reaches it, so each problem is reported once.
/// </summary>
public static class AttrSetMerger
{
    public static MergedAttrs Merge(SourceText source, IReadOnlyList<Binding> bindings, DiagnosticBag? diagnostics, bool isLet = false, bool recursive = false) =>
        Merge(new Context(source, diagnostics, null), NodeLists.Items(bindings), isLet, recursive);

    /// <summary>
    /// The merge the parser makes when a set or <c>let</c> closes, the set literals inside
    /// having been checked when they closed: their own duplicates are not reported again.
    /// <paramref name="extendsRecursiveLiteral"/> says that a path extended a <c>rec</c> literal
    /// (or merged one into another set), whose scope then covers bindings written outside it;
    /// the parser leaves such a file to <see cref="StaticChecker"/>.
    /// </summary>
    internal static MergedAttrs MergeParsed(SourceText source, ReadOnlySpan<Binding> bindings, DiagnosticBag diagnostics, bool isLet, bool recursive, out bool extendsRecursiveLiteral)
    {
        var outcome = new ParsedOutcome();
        var merged = Merge(new Context(source, diagnostics, outcome), bindings, isLet, recursive);
        extendsRecursiveLiteral = outcome.ExtendedRecursiveLiteral;
        return merged;
    }

    private sealed class ParsedOutcome
    {
        public bool ExtendedRecursiveLiteral;
    }

    /// <param name="Parsed">Set when the literals were checked as they were parsed.</param>
    private sealed record Context(SourceText Source, DiagnosticBag? Diagnostics, ParsedOutcome? Parsed)
    {
        /// <summary>For merging a set literal's own bindings into a merged set.</summary>
        public Context ForLiteral(AttrSetExpr literal)
        {
            if (Parsed is null) return this;
            if (literal.Recursive) Parsed.ExtendedRecursiveLiteral = true;
            return Diagnostics is null ? this : this with { Diagnostics = null };
        }
    }

    private static MergedAttrs Merge(Context context, ReadOnlySpan<Binding> bindings, bool isLet, bool recursive)
    {
        var (source, diagnostics) = (context.Source, context.Diagnostics);
        var root = new MergedAttrs(recursive);
        foreach (var binding in bindings)
        {
            switch (binding)
            {
                case AttrBinding attr when attr.Path.Names.Count > 0:
                    AddAttr(context, root, attr);
                    break;
                case InheritBinding inherit:
                    foreach (var inherited in NodeLists.Items(inherit.Names))
                    {
                        if (inherited is not StaticAttrName name) continue;
                        if (root.TryGet(name.Name, out var existing))
                        {
                            diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, name.Span, name.Name, existing.Span));
                            continue;
                        }
                        root.Add(new MergedAttr(name.Name, name.Span) { Inherited = inherit.From is null, InheritedFrom = inherit.From });
                    }
                    break;
            }
        }
        if (isLet)
        {
            for (var d = 0; d < root.Dynamic.Count; d++)
                diagnostics?.Add(SyntaxDiagnostics.DynamicAttributeNotAllowed(source, root.Dynamic[d].Name.Span, "in 'let'"));
        }
        return root;
    }

    private static void AddAttr(Context context, MergedAttrs attrs, AttrBinding binding)
    {
        var (source, diagnostics) = (context.Source, context.Diagnostics);
        var names = NodeLists.Items(binding.Path.Names);
        var span = binding.Path.Span;
        for (var i = 0; i < names.Length - 1; i++)
        {
            switch (names[i])
            {
                case StaticAttrName name:
                    if (attrs.TryGet(name.Name, out var existing))
                    {
                        var nested = existing.Inherited || existing.InheritedFrom is not null ? null : AsNested(context, existing);
                        if (nested is null)
                        {
                            diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, span, PathText(source, binding.Path), existing.Span));
                            return;
                        }
                        attrs = nested;
                    }
                    else
                    {
                        var created = new MergedAttrs(false);
                        attrs.Add(new MergedAttr(name.Name, span) { Nested = created });
                        attrs = created;
                    }
                    break;
                case DynamicAttrName dynamic:
                    {
                        var created = new MergedAttrs(false);
                        attrs.AddDynamic(new MergedDynamicAttr(dynamic, null, created));
                        attrs = created;
                        break;
                    }
            }
        }

        switch (names[^1])
        {
            case StaticAttrName last:
                if (attrs.TryGet(last.Name, out var current))
                {
                    var target = current.Inherited || current.InheritedFrom is not null ? null : AsNested(context, current);
                    if (target is not null && binding.Value is AttrSetExpr literal)
                    {
                        // Both are sets: Nix moves the new set's static attributes into the old one.
                        var incoming = Merge(context.ForLiteral(literal), NodeLists.Items(literal.Bindings), isLet: false, recursive: false);
                        for (var a = 0; a < incoming.Static.Count; a++)
                        {
                            var attr = incoming.Static[a];
                            if (target.TryGet(attr.Name, out var clash))
                                diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, attr.Span, attr.Name, clash.Span));
                            else
                                target.Add(attr);
                        }
                    }
                    else
                    {
                        diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, span, PathText(source, binding.Path), current.Span));
                    }
                }
                else
                {
                    attrs.Add(new MergedAttr(last.Name, span) { Value = binding.Value });
                }
                break;
            case DynamicAttrName dynamicLast:
                attrs.AddDynamic(new MergedDynamicAttr(dynamicLast, binding.Value, null));
                break;
        }
    }

    /// <summary>The nested set of an attribute, turning a set literal into a merged set on first use.</summary>
    private static MergedAttrs? AsNested(Context context, MergedAttr attr)
    {
        if (attr.Nested is not null) return attr.Nested;
        if (attr.Value is not AttrSetExpr literal) return null;
        attr.Nested = Merge(context.ForLiteral(literal), NodeLists.Items(literal.Bindings), isLet: false, recursive: literal.Recursive);
        attr.Value = null;
        return attr.Nested;
    }

    private static string PathText(SourceText source, AttrPath path) =>
        string.Join('.', path.Names.Select(n => n is StaticAttrName s ? s.Name : source.Substring(n.Span)));
}
