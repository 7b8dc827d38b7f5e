namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Strings compare by UTF-8 bytes (code points), as in Nix, not by UTF-16 units (found by the differential test).</summary>
public sealed class StringOrderTests
{
    [Theory]
    [InlineData("\"😀\" < \"ｘ0\"", "false")]
    [InlineData("\"ｘ\" < \"😀\"", "true")]
    [InlineData("\"a\" < \"ab\"", "true")]
    [InlineData("\"ab\" < \"a\"", "false")]
    [InlineData("builtins.sort builtins.lessThan [ \"😀\" \"ｘ\" \"日\" \"a\" ]", "[ \"a\" \"日\" \"ｘ\" \"😀\" ]")]
    public void Strings_compare_in_code_point_order(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));
}
