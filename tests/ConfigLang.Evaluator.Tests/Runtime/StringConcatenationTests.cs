namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Interpolations and <c>+</c> chains join their operands from a stack buffer when they
/// have few, from an array when many; both must give the same strings and errors.</summary>
public sealed class StringConcatenationTests
{
    [Fact]
    public void Few_and_many_operands_join_in_order()
    {
        Assert.Equal("\"a1b2c\"", Evaluate.Value("let x = \"1\"; in \"a${x}b${toString 2}c\""));
        Assert.Equal("\"0-1-2-3-4-5-6-7-8-9-10\"", Evaluate.Value(
            "let n = toString; in \"${n 0}-${n 1}-${n 2}-${n 3}-${n 4}-${n 5}-${n 6}-${n 7}-${n 8}-${n 9}-${n 10}\""));
        Assert.Equal("\"abcdefghij\"", Evaluate.Value("\"a\" + \"b\" + \"c\" + \"d\" + \"e\" + \"f\" + \"g\" + \"h\" + \"i\" + \"j\""));
        Assert.Equal("55", Evaluate.Value("1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10"));
    }

    [Fact]
    public void An_operand_that_cannot_be_a_string_is_reported_where_it_is()
    {
        var error = Evaluate.Error("let x = 1; in\n\"a${\"b\"}c${x}d${x}e${x}f${x}g${x}h${x}i${x}j${x}\"");
        Assert.Contains("cannot coerce an integer to a string", error);
        Assert.Contains("«string»:2:", error);
        var many = Evaluate.Error("\"a\" + \"b\" + \"c\" + \"d\" + \"e\" + \"f\" + \"g\" + \"h\" + \"i\" +\n {}");
        Assert.Contains("cannot coerce a set to a string", many);
        Assert.Contains("«string»:2:2", many);
    }
}
