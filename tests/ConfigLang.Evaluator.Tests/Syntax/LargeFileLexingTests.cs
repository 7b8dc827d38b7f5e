using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The lexer skips a line's indentation in one search and takes a plain number or word without
/// trying the longer matches; the parser interns names in a table of its own that grows with the file.
/// Positions, token kinds and names must come out as before.
/// </summary>
public sealed class LargeFileLexingTests
{
    [Fact]
    public void A_position_after_long_indentation_tabs_and_carriage_returns_keeps_its_column()
    {
        var text = "let\n" + new string(' ', 60) + "\t a = ;\r\n  \r\nin a";

        var diagnostic = Assert.Single(Parser.ParseSyntaxOnly(new SourceText(text, "t.nix")).Diagnostics);

        // As Nix 2.8 reports it: 'syntax error, unexpected ';'' at 2:67.
        Assert.Equal(new LinePosition(2, 67), diagnostic.Location!.Value.Start);
    }

    [Theory]
    [InlineData("12", typeof(IntLiteral))]
    [InlineData("01", typeof(IntLiteral))]
    [InlineData("1.5", typeof(FloatLiteral))]
    [InlineData("1-2", typeof(BinaryExpr))]
    [InlineData("1/2", typeof(PathExpr))]
    [InlineData("(7)", typeof(IntLiteral))]
    public void A_number_is_taken_whole_unless_a_longer_token_starts_there(string text, Type kind)
    {
        var tree = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix"));

        Assert.Empty(tree.Diagnostics);
        Assert.IsType(kind, tree.Root);
    }

    [Theory]
    [InlineData("abc", typeof(Identifier))]
    [InlineData("a-b", typeof(Identifier))]
    [InlineData("x'", typeof(Identifier))]
    [InlineData("x'.y", typeof(SelectExpr))]
    [InlineData("a.b", typeof(SelectExpr))]
    [InlineData("a+b", typeof(BinaryExpr))]
    [InlineData("a/b", typeof(PathExpr))]
    [InlineData("a:b", typeof(UriLiteral))]
    [InlineData("a: b", typeof(LambdaExpr))]
    public void A_word_is_taken_whole_unless_a_path_or_uri_continues_it(string text, Type kind)
    {
        var tree = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix"));

        Assert.Empty(tree.Diagnostics);
        Assert.IsType(kind, tree.Root);
    }

    [Fact]
    public void Every_use_of_a_name_is_the_same_string_however_many_names_a_file_has()
    {
        // 1,500 names, each bound then used: the table grows several times in between.
        const int count = 1_500;
        var text = "let " + string.Concat(Enumerable.Range(0, count).Select(i => $"n{i} = {i}; "))
            + "in [ " + string.Concat(Enumerable.Range(0, count).Select(i => $"n{i} ")) + "]";

        var let = (LetExpr)Parser.ParseSyntaxOnly(new SourceText(text, "t.nix")).Root;

        var bound = let.Bindings.Cast<AttrBinding>().Select(b => ((StaticAttrName)b.Path[0]).Name).ToArray();
        var used = ((ListExpr)let.Body).Items.Cast<Identifier>().Select(id => id.Name).ToArray();
        Assert.Equal(count, bound.Distinct().Count());
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"n{i}", used[i]);
            Assert.Same(bound[i], used[i]);
        }
    }
}
