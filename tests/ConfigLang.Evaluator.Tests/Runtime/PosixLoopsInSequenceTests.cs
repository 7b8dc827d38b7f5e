namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Loops one after another, where a thread reaching a loop again skips its exit when that was walked already at the
/// position (<c>PosixLoopExits</c>), and where each set is another's and a write. Expected values are Nix 2.8's
/// (nix-instantiate --eval --strict), found among random loop sequences checked against it. Each runs twice: as
/// written, with sets as arrays, and after 33 empty groups, past the slots where sets become chains of writes.
/// </summary>
public sealed class PosixLoopsInSequenceTests
{
    [Theory]
    [InlineData("match", "(a*)(a*)(a*)", "aaa", "[ \"aaa\" \"\" \"\" ]")]
    [InlineData("match", "(a*)(b*)(a*)(b*)", "abab", "[ \"a\" \"b\" \"a\" \"b\" ]")]
    [InlineData("match", "(a|b)*(a*)(b)*", "abba", "[ \"a\" \"\" null ]")]
    [InlineData("match", "(a*)*(a*)", "aa", "[ \"\" \"\" ]")]
    [InlineData("match", "(a?)*(a*)+", "aa", "[ \"\" \"\" ]")]
    [InlineData("match", "((a*)*)*(a)", "aaa", "[ \"\" \"\" \"a\" ]")]
    [InlineData("match", "(a|)*(a*)", "aa", "[ \"\" \"\" ]")]
    [InlineData("match", "(()|a)*(a)*", "aa", "[ \"\" \"\" \"a\" ]")]
    [InlineData("match", "(a*)+(a+)", "aaa", "[ \"\" \"a\" ]")]
    [InlineData("match", "(a*){2}(a*)", "aa", "[ \"\" \"\" ]")]
    [InlineData("split", "(a*)(b*)(a*)", "xabay", "[ \"\" [ \"\" \"\" \"\" ] \"x\" [ \"a\" \"b\" \"a\" ] \"\" [ \"\" \"\" \"\" ] \"y\" [ \"\" \"\" \"\" ] \"\" ]")]
    [InlineData("split", "(a*)(a*)b|a*(a)", "aab", "[ \"\" [ \"aa\" \"\" null ] \"\" ]")]
    [InlineData("split", "(a|b)*(b*)", "abcab", "[ \"\" [ \"b\" \"\" ] \"\" [ null \"\" ] \"c\" [ \"b\" \"\" ] \"\" [ null \"\" ] \"\" ]")]
    [InlineData("split", "(a*)*b*(a)", "baab", "[ \"\" [ \"\" \"a\" ] \"\" [ \"\" \"a\" ] \"b\" ]")]
    public void Loops_in_sequence_match_as_in_Nix(string function, string pattern, string input, string nix)
    {
        Assert.Equal(nix, Evaluate.Value($"builtins.{function} \"{pattern}\" \"{input}\""));
        // Each list of groups starts with the 33 empty ones: match's list, or split's lists in its list.
        var padded = function == "match" ? "[ " + Padding + nix[2..] : "[ " + nix[2..].Replace("[ ", "[ " + Padding);
        Assert.Equal(padded, Evaluate.Value($"builtins.{function} \"{string.Concat(Enumerable.Repeat("()", 33))}{pattern}\" \"{input}\""));
    }

    private static readonly string Padding = string.Concat(Enumerable.Repeat("\"\" ", 33));
}
