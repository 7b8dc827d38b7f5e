namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Printing as nix-instantiate --eval --strict prints (expected texts taken from Nix 2.8).</summary>
public sealed class ValuePrinterTests
{
    [Theory]
    [InlineData("{ b = [ 1 2 ]; a = 1; }", "{ a = 1; b = [ 1 2 ]; }")]
    [InlineData("let x = { a = 1; }; in [ x x ]", "[ { a = 1; } «repeated» ]")]
    [InlineData("let x = { }; in [ x x ]", "[ { } { } ]")]
    [InlineData("[ 1.5 1000000.0 100000.0 0.1 123456789.123 0.0000001 3.0 ]", "[ 1.5 1e+06 100000 0.1 1.23457e+08 1e-07 3 ]")]
    [InlineData("\"x\\n\\${y}\\t\\\\\"", "\"x\\n\\${y}\\t\\\\\"")]
    [InlineData("{ \"a b\" = 1; \"1x\" = 2; }", "{ \"1x\" = 2; \"a b\" = 1; }")]
    [InlineData("[ (x: x) map (map (x: x)) null true ]", "[ <LAMBDA> <PRIMOP> <PRIMOP-APP> null true ]")]
    public void Prints_like_nix_instantiate(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));

    [Fact]
    public void Json_output_matches_nix()
    {
        var result = Evaluate.Run("{ a = [ 1 2.5 \"x\\n\" ]; b = null; c = { outPath = \"/p\"; }; }", output: EvaluationOutput.Json);
        Assert.Equal("{\"a\":[1,2.5,\"x\\n\"],\"b\":null,\"c\":\"/p\"}", result.Stdout);
    }
}
