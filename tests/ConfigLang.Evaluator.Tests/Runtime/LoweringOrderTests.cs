using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The binder lowers calls, strings and patterns straight into their arrays, and keeps each
/// variable's resolution on its syntax node: the first literal a fatal lint rejects is still the
/// first in the source, inherited names still resolve outside their set, and a lowered tree still
/// compares equal to a fresh parse of the same text.
/// </summary>
public sealed class LoweringOrderTests
{
    private static readonly EvaluatorOptions FatalUrls = new() { CurrentDirectory = Path.GetTempPath(), Lints = LiteralLints.UrlLiterals };

    [Theory]
    [InlineData("(a: b: c: a) http://first.example http://second.example http://third.example")]
    [InlineData("(http://first.example) http://second.example")]
    [InlineData("\"${http://first.example}${http://second.example}\"")]
    [InlineData("{ a ? http://first.example }: http://second.example")]
    [InlineData("[ http://first.example http://second.example ]")]
    public void The_first_rejected_literal_in_the_source_is_the_one_reported(string program)
    {
        // The message's first line names the literal; the source excerpt after it shows them all.
        var message = Evaluate.Error(program, FatalUrls).Split('\n')[0];
        Assert.Contains("URL literals are disallowed", message);
        Assert.Contains("http://first.example", message);
    }

    [Fact]
    public void Curried_calls_pass_their_arguments_in_order()
    {
        Assert.Equal("[ 1 2 3 4 ]", Evaluate.Value("(a: b: c: d: [ a b c d ]) 1 2 3 4"));
        Assert.Equal("\"a1b\"", Evaluate.Value("let x = 1; in \"a${toString x}b\""));
        Assert.Equal("\"abc\"", Evaluate.Value("\"a\" + ''b'' + \"c\""));
    }

    [Fact]
    public void Inherited_names_resolve_outside_their_set_and_let()
    {
        Assert.Equal("{ x = 1; y = 2; }", Evaluate.Value("let x = 1; in let y = 2; in rec { inherit x; inherit y; }"));
        Assert.Equal("3", Evaluate.Value("let x = 1; in with { x = 5; }; let inherit x; y = 2; in x + y"));
    }

    [Fact]
    public void Lowered_nodes_still_equal_a_fresh_parse_of_the_same_text_a_fresh_parse_of_the_same_text()
    {
        const string text = "let y = { z = 2; }; in (x: x + 1) (with y; z)";
        SyntaxTree? lowered = null;
        var interpreter = new Interpreter(new EvaluatorOptions { CurrentDirectory = Path.GetTempPath() }, source => lowered = Parser.ParseSyntaxOnly(source));
        Assert.Equal(3L, Assert.IsType<IntValue>(interpreter.Evaluate(new SourceText(text, "<test>"), Path.GetTempPath())).Value);
        var fresh = Parser.ParseSyntaxOnly(new SourceText(text, "<test>"));

        // What the lowering wrote on the nodes (variables' resolutions, the function's and the with's frames) is not part of their content.
        var loweredCall = Assert.IsType<CallExpr>(Assert.IsType<LetExpr>(lowered!.Root).Body);
        var freshCall = Assert.IsType<CallExpr>(Assert.IsType<LetExpr>(fresh.Root).Body);
        Assert.Equal(freshCall, loweredCall);
        Assert.Equal(freshCall.GetHashCode(), loweredCall.GetHashCode());
        Assert.IsType<LambdaExpr>(loweredCall.Function);
        Assert.IsType<WithExpr>(loweredCall.Argument);
        Assert.NotEqual(freshCall.Argument, ((WithExpr)freshCall.Argument) with { Body = new Identifier(default, "z") });
    }
}
