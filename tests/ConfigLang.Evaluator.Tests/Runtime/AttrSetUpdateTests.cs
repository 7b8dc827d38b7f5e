namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>a // b</c> counts the names first and shares the name array of a side that has them
/// all; the right side must still win, and positions come from the side each value came from.</summary>
public sealed class AttrSetUpdateTests
{
    [Fact]
    public void The_right_side_wins_whichever_side_has_every_name()
    {
        Assert.Equal("[ { a = 1; b = 20; c = 3; } { a = 1; b = 2; c = 3; } { a = 1; a0 = 5; b = 2; c = 3; d = 4; } { a = 1; b = 2; c = 3; } ]", Evaluate.Value("""
            let x = { a = 1; b = 2; c = 3; }; in
            [ (x // { b = 20; }) ({ b = 20; } // x) (x // { a0 = 5; d = 4; }) x ]
            """));
    }

    [Fact]
    public void A_few_names_added_to_or_overriding_a_larger_set_keep_order_values_and_positions()
    {
        // The right side is small enough to be looked up name by name; columns as Nix 2.8 gives them.
        Assert.Equal("[ { a = 1; b = 2; c = 30; d = 4; e = 5; } { a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; } { a = 1; a0 = 0; b = 2; c = 3; d = 4; e = 5; } { _ = 0; a = 1; b = 2; c = 3; d = 4; e = 5; } [ 50 32 66 39 ] { a = 1; b = 2; c = 3; d = 4; e = 5; } ]", Evaluate.Value("""
            let x = { a = 1; b = 2; c = 3; d = 4; e = 5; }; in
            [ (x // { c = 30; }) (x // { f = 6; }) (x // { a0 = 0; }) (x // { _ = 0; })
              (map (n: (builtins.unsafeGetAttrPos n ((x // { c = 30; }) // { a0 = 0; })).column) [ "c" "d" "a0" "e" ]) x ]
            """));
    }

    [Fact]
    public void Positions_come_from_the_side_that_gave_the_value()
    {
        // Columns as Nix 2.8 gives them.
        Assert.Equal("[ 42 25 11 ]", Evaluate.Value("""
            let x = { a = 1; b = 2; c = 3; }; in [
              (builtins.unsafeGetAttrPos "b" (x // { b = 20; })).column
              (builtins.unsafeGetAttrPos "c" ({ b = 20; } // x)).column
              (builtins.unsafeGetAttrPos "a" (x // { })).column ]
            """));
    }
}
