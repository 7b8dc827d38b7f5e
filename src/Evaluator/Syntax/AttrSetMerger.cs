using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Merges the bindings of one set or <c>let</c> as Nix's parser does (its <c>addAttr</c>),
/// reporting attributes defined twice. A nested set literal is merged (and its own duplicates
/// reported) only when a later path extends it; otherwise it stays a value, merged when the
/// <see cref="Lowering.ScopeResolver"/> or the printer reaches it, so each problem is reported once.
/// </summary>
public static class AttrSetMerger
{
    /// <param name="dropsMergedDynamicNames">Whether a set literal merged into an existing set loses
    /// its dynamic attributes, as <c>nix-instantiate --parse</c> 2.8 prints it (the printer's
    /// reference); evaluation keeps them, as Nix does since.</param>
    public static MergedAttrs Merge(SourceText source, IReadOnlyList<Binding> bindings, DiagnosticBag? diagnostics, bool isLet = false, bool recursive = false,
        TextSpan span = default, bool dropsMergedDynamicNames = false, int openBrace = -1) =>
        Merge(new Context(source, diagnostics, dropsMergedDynamicNames), NodeLists.Items(bindings), isLet, recursive, span, openBrace);

    /// <summary>A struct: one is made per set merged, thousands per file.</summary>
    private readonly record struct Context(SourceText Source, DiagnosticBag? Diagnostics, bool DropsMergedDynamicNames);

    private static MergedAttrs Merge(Context context, ReadOnlySpan<Binding> bindings, bool isLet, bool recursive, TextSpan span, int openBrace = -1)
    {
        var (source, diagnostics) = (context.Source, context.Diagnostics);
        var root = new MergedAttrs(recursive, bindings.Length) { Span = span, OpenBrace = openBrace };
        foreach (var binding in bindings)
        {
            switch (binding)
            {
                case AttrBinding attr when attr.Path.Count > 0:
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
                        root.Add(new MergedAttr(name.Name, name.Span, name.Span) { Inherited = inherit.From is null, InheritedFrom = inherit.From });
                    }
                    break;
            }
        }
        if (isLet)
        {
            for (var d = 0; d < root.Dynamic.Count; d++)
            {
                // Nix 2.8 reports it at the `let` (lint at the name).
                diagnostics?.Add(SyntaxDiagnostics.DynamicAttributeInLet(source, root.Dynamic[d].Name.Span)
                    with { NixPosition = new NixErrorPosition(new SourceLocation(source, new TextSpan(span.Start, 0))) });
            }
        }
        return root;
    }

    private static void AddAttr(Context context, MergedAttrs attrs, AttrBinding binding)
    {
        var (source, diagnostics) = (context.Source, context.Diagnostics);
        var path = binding.Path;
        var span = path.Span;
        for (var i = 0; i < path.Count - 1; i++)
        {
            switch (path[i])
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
                        var created = new MergedAttrs(false) { Span = name.Span };
                        attrs.Add(new MergedAttr(name.Name, span, name.Span) { Nested = created });
                        attrs = created;
                    }
                    break;
                case DynamicAttrName dynamic:
                    {
                        var created = new MergedAttrs(false) { Span = dynamic.Span };
                        attrs.AddDynamic(new MergedDynamicAttr(dynamic, null, created));
                        attrs = created;
                        break;
                    }
            }
        }

        if (path.StaticNameAt(path.Count - 1, out var lastSpan) is { } lastName)
        {
            if (attrs.TryGet(lastName, out var current))
            {
                var target = current.Inherited || current.InheritedFrom is not null ? null : AsNested(context, current);
                if (target is not null && binding.Value is AttrSetExpr literal)
                {
                    // Both are sets: Nix moves the new set's attributes into the old one (its
                    // 'rec', if any, is dropped).
                    var incoming = Merge(context, NodeLists.Items(literal.Bindings), isLet: false, recursive: false, literal.Span);
                    foreach (var attr in incoming.StaticItems)
                    {
                        if (target.TryGet(attr.Name, out var clash))
                            diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, attr.Span, PathText(source, binding.Path) + "." + attr.Name, clash.Span));
                        else
                            target.Add(attr);
                    }
                    if (!context.DropsMergedDynamicNames)
                    {
                        for (var d = 0; d < incoming.Dynamic.Count; d++) target.AddDynamic(incoming.Dynamic[d]);
                    }
                }
                else
                {
                    diagnostics?.Add(SyntaxDiagnostics.DuplicateAttribute(source, span, PathText(source, binding.Path), current.Span));
                }
            }
            else
            {
                attrs.Add(new MergedAttr(lastName, span, lastSpan) { Value = binding.Value });
            }
        }
        else if (path.DynamicAt(path.Count - 1) is { } dynamicLast)
        {
            attrs.AddDynamic(new MergedDynamicAttr(dynamicLast, binding.Value, null));
        }
    }

    /// <summary>The nested set of an attribute, turning a set literal into a merged set on first use.</summary>
    private static MergedAttrs? AsNested(Context context, MergedAttr attr)
    {
        if (attr.Nested is not null) return attr.Nested;
        if (attr.Value is not AttrSetExpr literal) return null;
        // Setting the nested set replaces the literal value: the attribute holds one or the other.
        return attr.Nested = Merge(context, NodeLists.Items(literal.Bindings), isLet: false, recursive: literal.Recursive, literal.Span, literal.OpenBrace);
    }

    private static string PathText(SourceText source, AttrPath path) =>
        string.Join('.', path.Names.Select(n => n is StaticAttrName s ? s.Name : source.Substring(n.Span)));
}
