namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>concatLists</c> forces its parts in order and joins them without an array of the parts:
/// the first bad part is the error, a single non-empty part is the result. Expected values are Nix 2.8's.</summary>
public sealed class ListConcatenationTests
{
    [Fact]
    public void Parts_are_joined_in_order()
    {
        Assert.Equal("[ [ 1 2 3 ] [ 2 3 ] [ ] [ 1 2 ] ]", Evaluate.Value("""
            let xs = [ 2 3 ]; in
            [ (builtins.concatLists [ [ 1 ] [ ] xs ]) (builtins.concatLists [ [ ] xs [ ] ])
              (builtins.concatLists [ ]) (builtins.concatMap (x: [ x ]) [ 1 2 ]) ]
            """));
    }

    [Fact]
    public void The_first_part_that_is_not_a_list_is_the_error()
    {
        var error = Evaluate.ErrorWithAllFrames("""builtins.concatLists [ [ 1 ] 2 (throw "later") ]""");
        Assert.Contains("value is an integer while a list was expected", error);
        Assert.Contains("while calling the 'concatLists' builtin", error);
        Assert.Contains("error: first", Evaluate.Error("""builtins.concatLists [ [ 1 ] (throw "first") 2 ]"""));
    }
}
