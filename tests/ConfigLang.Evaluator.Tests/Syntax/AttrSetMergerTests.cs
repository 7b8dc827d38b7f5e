using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// What a merged attribute holds: a value, a nested set or an inherit, never two of them (they
/// share one field), including after a set literal became a nested set because a later path
/// extended it.
/// </summary>
public sealed class AttrSetMergerTests
{
    private static MergedAttrs Merge(string setLiteral, DiagnosticBag? diagnostics = null)
    {
        var source = new SourceText(setLiteral, "t.nix");
        var set = Assert.IsType<AttrSetExpr>(Parser.ParseSyntaxOnly(source).Root);
        return AttrSetMerger.Merge(source, set.Bindings, diagnostics ?? new DiagnosticBag());
    }

    private static MergedAttr Attr(MergedAttrs attrs, string name)
    {
        Assert.True(attrs.TryGet(name, out var attr), name);
        return attr;
    }

    [Fact]
    public void A_plain_binding_holds_its_value_only()
    {
        var a = Attr(Merge("{ a = 1; }"), "a");

        Assert.IsType<IntLiteral>(a.Value);
        Assert.Null(a.Nested);
        Assert.Null(a.InheritedFrom);
        Assert.False(a.Inherited);
    }

    [Fact]
    public void A_set_literal_extended_by_a_later_path_becomes_a_nested_set_and_loses_its_value()
    {
        var a = Attr(Merge("{ a = { b = 1; }; a.c = 2; }"), "a");

        Assert.Null(a.Value);
        Assert.NotNull(a.Nested);
        Assert.Equal(["b", "c"], a.Nested!.Static.Select(s => s.Name));
        Assert.IsType<IntLiteral>(Attr(a.Nested, "c").Value);
    }

    [Fact]
    public void A_dotted_path_makes_a_nested_set_without_a_value()
    {
        var a = Attr(Merge("{ a.b = 1; }"), "a");

        Assert.Null(a.Value);
        Assert.Equal(["b"], a.Nested!.Static.Select(s => s.Name));
    }

    [Fact]
    public void Inherit_from_a_set_holds_the_set_expression_and_no_value()
    {
        var attrs = Merge("{ inherit (s) x; inherit y; }");
        var x = Attr(attrs, "x");
        var y = Attr(attrs, "y");

        Assert.IsType<Identifier>(x.InheritedFrom);
        Assert.False(x.Inherited);
        Assert.Null(x.Value);
        Assert.Null(x.Nested);
        Assert.True(y.Inherited);
        Assert.Null(y.InheritedFrom);
        Assert.Null(y.Value);
    }

    [Fact]
    public void A_path_into_an_inherited_name_is_a_duplicate_and_changes_nothing()
    {
        var diagnostics = new DiagnosticBag();
        var x = Attr(Merge("{ inherit (s) x; x.y = 1; }", diagnostics), "x");

        Assert.Equal(SyntaxDiagnostics.DuplicateAttributeCode, Assert.Single(diagnostics.Items).Code);
        Assert.IsType<Identifier>(x.InheritedFrom);
        Assert.Null(x.Nested);
    }
}
