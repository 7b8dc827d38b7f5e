namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Quoted attribute names escape every <c>$</c>, string values only <c>${</c> (Nix 2.8's output; found by the differential test).</summary>
public sealed class AttributeNamePrintingTests
{
    [Fact]
    public void Dollars_are_escaped_in_names_and_only_before_a_brace_in_values() =>
        Assert.Equal("[ { \"a\\$b\" = 1; } \"a$b\" \"a\\${b}\" { \"a\\${b}\" = 1; } { \"\\$\" = 1; } \"$\" ]",
            Evaluate.Value("[ { \"a$b\" = 1; } \"a$b\" \"a\\${b}\" { \"a\\${b}\" = 1; } { \"$\" = 1; } \"$\" ]"));
}
