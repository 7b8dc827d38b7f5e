using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Nix evaluates <c>derivation</c> (derivation.nix) as it starts, so lazy printing shows it as a
/// function; a selection of it is a thunk all the same. Expected outputs are Nix 2.8's
/// (<c>nix-instantiate --eval</c>, without <c>--strict</c>), hard-coded.
/// </summary>
public sealed class StartupGlobalPrintingTests
{
    [Theory]
    [InlineData("{ a = derivation; }", "{ a = <LAMBDA>; }")]
    [InlineData("[ derivation map ]", "[ <LAMBDA> <PRIMOP> ]")]
    [InlineData("{ a = builtins.derivation; }", "{ a = <CODE>; }")]
    [InlineData("let s = builtins; in { b = s.derivation; }", "{ b = <CODE>; }")]
    [InlineData("derivation", "<LAMBDA>")]
    public void Prints_what_Nix_2_8_prints(string expression, string nixOutput) =>
        Assert.Equal(nixOutput, Evaluate.Lazy(expression));

    [Fact]
    public void Xml_shows_the_function_of_derivation_nix()
    {
        var result = Evaluate.Request(new EvaluationRequest { Expression = "{ a = derivation; }", Output = EvaluationOutput.Xml });
        Assert.Equal("""
            <?xml version='1.0' encoding='utf-8'?>
            <expr>
              <attrs>
                <attr column="3" line="1" name="a" path="{ a = derivation; }">
                  <function column="1" line="5" path="//builtin/derivation.nix">
                    <attrspat ellipsis="1" name="drvAttrs">
                      <attr name="outputs" />
                    </attrspat>
                  </function>
                </attr>
              </attrs>
            </expr>

            """, result.Stdout);
    }

    [Fact]
    public void Positions_inside_derivation_nix_are_Nix_s() =>
        Assert.Equal("{ column = 9; file = \"//builtin/derivation.nix\"; line = 20; }",
            Evaluate.Value("builtins.unsafeGetAttrPos \"drvPath\" (derivation { name = \"a\"; builder = \"b\"; system = \"c\"; })"));
}
