using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>The shape of the tree the evaluator receives.</summary>
public sealed class ParserTests
{
    private static Expr Parse(string text)
    {
        var tree = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix"));
        Assert.Empty(tree.Diagnostics.Select(d => d.Message));
        return tree.Root;
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        var add = Assert.IsType<BinaryExpr>(Parse("1 + 2 * 3"));
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryExpr>(add.Right).Operator);
        Assert.Equal(new TextSpan(2, 1), add.OperatorSpan);
    }

    [Fact]
    public void Not_binds_looser_than_addition_and_negation_tighter_than_concatenation()
    {
        var not = Assert.IsType<UnaryExpr>(Parse("!a + b"));
        Assert.Equal(UnaryOperator.Not, not.Operator);
        Assert.IsType<BinaryExpr>(not.Operand);

        var concat = Assert.IsType<BinaryExpr>(Parse("-a ++ b"));
        Assert.IsType<UnaryExpr>(concat.Left);
    }

    [Fact]
    public void Implication_and_update_associate_to_the_right_subtraction_to_the_left()
    {
        var implies = Assert.IsType<BinaryExpr>(Parse("a -> b -> c"));
        Assert.IsType<BinaryExpr>(implies.Right);
        var update = Assert.IsType<BinaryExpr>(Parse("a // b // c"));
        Assert.IsType<BinaryExpr>(update.Right);
        var subtract = Assert.IsType<BinaryExpr>(Parse("a - b - c"));
        Assert.IsType<BinaryExpr>(subtract.Left);
    }

    [Fact]
    public void Application_takes_selections_with_or_fallbacks_as_arguments()
    {
        var outer = Assert.IsType<CallExpr>(Parse("f a.b or c d"));
        Assert.IsType<Identifier>(outer.Argument);
        var inner = Assert.IsType<CallExpr>(outer.Function);
        var select = Assert.IsType<SelectExpr>(inner.Argument);
        Assert.Equal("b", Assert.IsType<StaticAttrName>(Assert.Single(select.Path.Names)).Name);
        Assert.Equal("c", Assert.IsType<Identifier>(select.Default).Name);
    }

    [Fact]
    public void Or_after_an_expression_is_an_argument_named_or()
    {
        var call = Assert.IsType<CallExpr>(Parse("f or"));
        Assert.Equal("or", Assert.IsType<Identifier>(call.Argument).Name);
    }

    [Fact]
    public void Patterns_with_defaults_ellipsis_and_at_on_either_side()
    {
        var left = Assert.IsType<LambdaExpr>(Parse("args@{ a, b ? 1, ... }: a"));
        Assert.Equal("args", left.ArgName);
        Assert.True(left.Formals!.Ellipsis);
        Assert.Equal(["a", "b"], left.Formals.Items.Select(f => f.Name));
        Assert.IsType<IntLiteral>(left.Formals.Items[1].Default);

        var right = Assert.IsType<LambdaExpr>(Parse("{ a }@args: a"));
        Assert.Equal("args", right.ArgName);
        Assert.False(right.Formals!.Ellipsis);

        var plain = Assert.IsType<LambdaExpr>(Parse("x: x"));
        Assert.Null(plain.Formals);
    }

    [Fact]
    public void Set_bindings_keep_dotted_quoted_dynamic_paths_and_inherits()
    {
        var set = Assert.IsType<AttrSetExpr>(Parse("rec { a.b = 1; \"x y\" = 2; ${z} = 3; inherit (s) p q; inherit r; }"));
        Assert.True(set.Recursive);
        var dotted = Assert.IsType<AttrBinding>(set.Bindings[0]);
        Assert.Equal(["a", "b"], dotted.Path.Names.Cast<StaticAttrName>().Select(n => n.Name));
        Assert.Equal("x y", Assert.IsType<StaticAttrName>(Assert.IsType<AttrBinding>(set.Bindings[1]).Path.Names[0]).Name);
        Assert.IsType<DynamicAttrName>(Assert.IsType<AttrBinding>(set.Bindings[2]).Path.Names[0]);
        var inheritFrom = Assert.IsType<InheritBinding>(set.Bindings[3]);
        Assert.IsType<Identifier>(inheritFrom.From);
        Assert.Equal(2, inheritFrom.Names.Count);
        Assert.Null(Assert.IsType<InheritBinding>(set.Bindings[4]).From);
    }

    [Fact]
    public void Quoted_names_without_interpolation_are_static_with_escapes_decoded()
    {
        var set = Assert.IsType<AttrSetExpr>(Parse("{ \"\" = 1; \"a\\\"b\" = 2; \"x${y}\" = 3; }"));
        var names = set.Bindings.Cast<AttrBinding>().Select(b => Assert.Single(b.Path.Names)).ToList();

        Assert.Equal("", Assert.IsType<StaticAttrName>(names[0]).Name);
        Assert.Equal(new TextSpan(2, 2), names[0].Span);
        Assert.Equal("a\"b", Assert.IsType<StaticAttrName>(names[1]).Name);
        Assert.Equal(new TextSpan(10, 6), names[1].Span);
        Assert.IsType<DynamicAttrName>(names[2]);
    }

    [Fact]
    public void Legacy_let_curpos_search_paths_and_uris_have_their_own_nodes()
    {
        Assert.IsType<LegacyLetExpr>(Parse("let { body = 1; }"));
        Assert.IsType<CurPosExpr>(Parse("__curPos"));
        Assert.Equal("nixpkgs/lib", Assert.IsType<SearchPathExpr>(Parse("<nixpkgs/lib>")).Name);
        Assert.Equal("http://x.org/", Assert.IsType<UriLiteral>(Parse("http://x.org/")).Value);
    }

    [Fact]
    public void Indented_strings_are_stripped_of_their_common_indentation()
    {
        var text = Assert.IsType<StringExpr>(Parse("''\n    a\n      b\n  ''"));
        Assert.True(text.Indented);
        Assert.Equal("a\n  b\n", string.Concat(text.Parts.Cast<LiteralPart>().Select(p => p.Text)));
    }

    [Fact]
    public void String_escapes_are_decoded()
    {
        var text = Assert.IsType<StringExpr>(Parse("\"a\\n\\t\\$\\\"\\q\""));
        Assert.Equal("a\n\t$\"q", Assert.IsType<LiteralPart>(Assert.Single(text.Parts)).Text);
    }

    [Fact]
    public void Equal_short_literals_of_one_file_share_one_string()
    {
        var list = Assert.IsType<ListExpr>(Parse("[ \"nginx\" \"acme\" \"nginx\" ]"));
        string TextOf(Expr item) => Assert.IsType<LiteralPart>(Assert.IsType<StringExpr>(item).Parts[0]).Text;

        Assert.Equal("nginx", TextOf(list.Items[0]));
        Assert.Same(TextOf(list.Items[0]), TextOf(list.Items[2]));
        Assert.NotSame(TextOf(list.Items[0]), TextOf(list.Items[1]));
    }

    [Fact]
    public void Paths_keep_their_text_and_interpolations()
    {
        var path = Assert.IsType<PathExpr>(Parse("./${x}.nix"));
        Assert.Equal("./", Assert.IsType<LiteralPart>(path.Parts[0]).Text);
        Assert.IsType<InterpolationPart>(path.Parts[1]);
        Assert.Equal(".nix", Assert.IsType<LiteralPart>(path.Parts[2]).Text);
    }

    [Fact]
    public void Every_node_spans_its_source_text()
    {
        var let = Assert.IsType<LetExpr>(Parse("let a = 1; in a"));
        Assert.Equal(new TextSpan(0, 15), let.Span);
        Assert.Equal(new TextSpan(14, 1), let.Body.Span);
    }

    [Fact]
    public void One_run_reports_every_error_of_the_file()
    {
        var tree = Parser.Parse(new SourceText("{\n  a = 1\n  b = ;\n  c = [ 1 2;\n  if = 3;\n}\n", "t.nix"));

        Assert.Equal(
            [SyntaxDiagnostics.MissingSemicolonCode, SyntaxDiagnostics.UnexpectedTokenCode, SyntaxDiagnostics.UnclosedDelimiterCode, SyntaxDiagnostics.ExpectedAttributeNameCode],
            tree.Diagnostics.Select(d => d.Code));
        Assert.IsType<AttrSetExpr>(tree.Root);
    }

    [Fact]
    public void Non_associative_operators_cannot_be_chained()
    {
        var tree = Parser.Parse(new SourceText("1 < 2 < 3", "t.nix"));
        Assert.Equal(SyntaxDiagnostics.NonAssociativeOperatorCode, Assert.Single(tree.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{ a = 1; a = 2; }", SyntaxDiagnostics.DuplicateAttributeCode)]
    [InlineData("{ a.b = 1; a.b = 2; }", SyntaxDiagnostics.DuplicateAttributeCode)]
    [InlineData("{ a = { b = 1; }; a.b = 2; }", SyntaxDiagnostics.DuplicateAttributeCode)]
    [InlineData("{ a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; a = 10; }", SyntaxDiagnostics.DuplicateAttributeCode)]
    [InlineData("{ a = 1; b = { c = 2; }; d = x; }", SyntaxDiagnostics.UndefinedVariableCode)]
    [InlineData("{ a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; j = x; }", SyntaxDiagnostics.UndefinedVariableCode)]
    [InlineData("{ x, x }: x", SyntaxDiagnostics.DuplicateFormalCode)]
    [InlineData("x@{ x }: x", SyntaxDiagnostics.DuplicateFormalCode)]
    [InlineData("x: y", SyntaxDiagnostics.UndefinedVariableCode)]
    [InlineData("let a = b; in a", SyntaxDiagnostics.UndefinedVariableCode)]
    [InlineData("let ${\"a\" + \"b\"} = 1; in 1", SyntaxDiagnostics.DynamicAttributeNotAllowedCode)]
    public void Parse_time_checks_report_what_nix_reports(string text, string code)
    {
        var tree = Parser.Parse(new SourceText(text, "t.nix"));
        Assert.Equal(code, Assert.Single(tree.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{ a = { b = 1; }; a.c = 2; }")]
    [InlineData("rec { a = b; b = 1; }")]
    [InlineData("with { a = 1; }; b")]
    [InlineData("let inherit (builtins) map; in map")]
    [InlineData("{ a = rec { b = c; }; a.c = 1; }")]
    [InlineData("x: __add x 1")]
    public void Parse_time_checks_accept_what_nix_accepts(string text)
    {
        var tree = Parser.Parse(new SourceText(text, "t.nix"));
        Assert.Empty(tree.Diagnostics.Select(d => d.Message));
    }
}
