using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Syntax.Nodes;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>Walks a tree for what Nix's bison parser makes of it that our tree does not keep (see <see cref="NixParseFacts"/>).
/// Where each name is first created as a symbol, which Nix does when a rule is reduced: a variable or attribute name
/// at once, but a formal after its default value and a lambda's argument name after the body. And, when
/// <paramref name="pathStarts"/> is given, each name after the first of a binding's dotted path with the path's start.</summary>
internal sealed class NixParseFactsCollector(Dictionary<string, int> order, List<(int Name, int PathStart)>? pathStarts = null)
{
    private readonly List<(int Offset, string Name)> _seen = [];

    /// <summary>Whether the walk stopped short of the tree's deepest nodes for want of stack (it may run deep in an evaluation).</summary>
    public bool CutShort { get; private set; }

    /// <summary>Adds the names <paramref name="root"/>'s parse creates, in that order, numbered on from the count of those already there (which keep their number).</summary>
    public void Visit(Expr root)
    {
        Walk(root);
        foreach (var (_, name) in _seen.OrderBy(s => s.Offset)) order.TryAdd(name, order.Count);
    }

    private void Note(int offset, string name) => _seen.Add((offset, name));

    private void Walk(Expr expr)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            CutShort = true;
            return;
        }
        switch (expr)
        {
            case Identifier id: Note(id.Span.Start, id.Name); break;
            case AttrSetExpr set: WalkBindings(set.Bindings); break;
            case LegacyLetExpr legacy: WalkBindings(legacy.Bindings); break;
            case LetExpr let: WalkBindings(let.Bindings); Walk(let.Body); break;
            case LambdaExpr lambda:
                if (lambda.Formals is { } formals)
                {
                    foreach (var formal in formals.Items)
                    {
                        Note(formal.Span.End, formal.Name);
                        if (formal.Default is { } d) Walk(d);
                    }
                }
                if (lambda.ArgName is { } arg) Note(lambda.Span.End, arg);
                Walk(lambda.Body);
                break;
            case SelectExpr select: Walk(select.Target); WalkPath(select.Path); if (select.Default is { } f) Walk(f); break;
            case HasAttrExpr has: Walk(has.Target); WalkPath(has.Path); break;
            case CallExpr call: Walk(call.Function); Walk(call.Argument); break;
            case BinaryExpr binary: Walk(binary.Left); Walk(binary.Right); break;
            case UnaryExpr unary: Walk(unary.Operand); break;
            case IfExpr ifExpr: Walk(ifExpr.Condition); Walk(ifExpr.Then); Walk(ifExpr.Else); break;
            case AssertExpr assert: Walk(assert.Condition); Walk(assert.Body); break;
            case WithExpr with: Walk(with.Scope); Walk(with.Body); break;
            case ListExpr list: foreach (var item in list.Items) Walk(item); break;
            case StringExpr str: WalkParts(str.Parts); break;
            case PathExpr path: WalkParts(path.Parts); break;
        }
    }

    private void WalkBindings(IReadOnlyList<Binding> bindings)
    {
        foreach (var binding in bindings)
        {
            switch (binding)
            {
                case AttrBinding attr:
                    if (pathStarts is not null) NotePathStarts(attr.Path);
                    WalkPath(attr.Path);
                    Walk(attr.Value);
                    break;
                case InheritBinding inherit:
                    if (inherit.From is { } from) Walk(from);
                    foreach (var name in inherit.Names)
                    {
                        if (name is StaticAttrName s) Note(s.Span.Start, s.Name);
                    }
                    break;
            }
        }
    }

    private void WalkPath(AttrPath path)
    {
        foreach (var name in path.Names)
        {
            if (name is StaticAttrName s) Note(s.Span.Start, s.Name);
            else if (name is DynamicAttrName d) Walk(d.Expression);
        }
    }

    private void NotePathStarts(AttrPath path)
    {
        for (var i = 1; i < path.Count; i++) pathStarts!.Add((path[i].Span.Start, path.Span.Start));
    }

    private void WalkParts(IReadOnlyList<StringPart> parts)
    {
        foreach (var part in parts)
        {
            if (part is InterpolationPart interpolation) Walk(interpolation.Expression);
        }
    }
}
