using System.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The scope walk notes, per name, the open <c>with</c>s over set literals that bind it, and keeps
/// its answers until a frame opens or closes; the slots of a <c>let</c> are sorted in place. What
/// each variable reads must be what searching the scopes one by one gives, after any number of
/// <c>with</c>s have opened and closed around it (answers checked against Nix 2.8).
/// </summary>
public sealed class WithScopeBookkeepingTests
{
    [Theory]
    // A literal's name stops counting once its with closes; the opaque with outside is searched again.
    [InlineData("with ({ a = 5; } // {}); [ (with { a = 1; }; a) a ]", "[ 1 5 ]")]
    [InlineData("with { a = 1; }; [ a (with ({ a = 2; } // {}); a) a ]", "[ 1 2 1 ]")]
    // Opaque withs inside the innermost literal having the name are searched first, those outside never.
    [InlineData("with { a = 1; }; with ({ b = 0; } // {}); with { c = 3; }; [ a b c ]", "[ 1 0 3 ]")]
    [InlineData("with { a = 1; }; with ({ a = 4; } // {}); with { c = 3; }; a", "4")]
    [InlineData("with ({ a = 4; } // {}); with { a = 1; }; with { c = 3; }; a", "1")]
    // Siblings: the names of one with are not seen in the next.
    [InlineData("[ (with { a = 1; b = 2; }; a + b) (with { b = 10; }; b) (with { a = 7; }; a) ]", "[ 3 10 7 ]")]
    // The same literal name twice in the chain: the innermost wins, and the outer one again after it closes.
    [InlineData("with { a = 1; }; [ (with { a = 2; }; with { b = 0; }; a) a ]", "[ 2 1 ]")]
    public void Each_use_reads_the_innermost_with_that_has_its_name(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));

    [Fact]
    public void A_name_no_open_with_has_is_undefined_where_it_is_used()
    {
        var error = Evaluate.Error("[ (with { a = 1; }; a) (with { b = 2; }; a) ]");

        Assert.Contains("undefined variable 'a'", error);
        Assert.Contains("«string»:1:42", error);
    }

    [Fact]
    public void Deeply_alternating_withs_and_lets_read_every_level()
    {
        // The shape of the with-let-module benchmark: each level's let reads the with just opened,
        // the one two levels up, and the outermost one.
        const int depth = 60;
        var text = new StringBuilder("with { id = x: x; }; ");
        long expected = 0;
        for (var level = 0; level < depth; level++)
        {
            text.Append($"with {{ w{level} = {level}; }}; let v{level} = id w{level} + {(level >= 2 ? $"w{level - 2}" : "0")}; in ");
            expected += level + (level >= 2 ? level - 2 : 0);
        }
        text.Append(string.Join(" + ", Enumerable.Range(0, depth).Select(level => $"v{level}")));

        Assert.Equal(expected.ToString(), Evaluate.Value(text.ToString()));
    }

    [Fact]
    public void Inherit_clauses_whose_names_sort_apart_read_their_own_sets()
    {
        Assert.Equal("[ 2 1 3 4 9 ]", Evaluate.Value(
            "let inherit ({ z = 1; a = 2; }) z a; inherit ({ y = 4; b = 3; }) b y; m = 9; in [ a z b y m ]"));
        Assert.Equal("{ a = 2; m = 9; z = 1; }", Evaluate.Value("rec { inherit ({ z = 1; a = 2; }) z a; m = 9; }"));
    }
}
