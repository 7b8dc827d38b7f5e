using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>match</c>'s depth-first search, tried before the machine (<see cref="PosixBacktracker"/>): it must find the
/// machine's groups, end at once where the first path matches, and give up (leaving the match to the machine and
/// its bounds) past its budget.
/// </summary>
public sealed class PosixBacktrackerTests
{
    [Theory]
    [MemberData(nameof(PosixEngineTests.AmbiguousLoopPatterns), MemberType = typeof(PosixEngineTests))]
    [InlineData("(a|ab)(c|bcd)(d*)")]
    [InlineData("(a+|b+)*")]
    [InlineData("a{2,3}(a?)(b{0,2})")]
    [InlineData("(^a|b)*$")]
    [InlineData("((a)|b)*")]
    [InlineData("(a?){3}")]
    [InlineData("([ab]*)([^a]*)")]
    [InlineData("(.*)/(.*)")]
    [InlineData("(()|a)*(a)*")]
    [InlineData("((a*)*)*(a)")]
    [InlineData("(a?)*(a*)+")]
    [InlineData("(a*){2}(a*)")]
    [InlineData("(a|)*(a*)")]
    [InlineData("(a*)(a*)(a*)(a*)(a*)(a*)b?")]
    public void Groups_do_not_depend_on_whether_the_search_runs_first(string pattern)
    {
        string[] inputs = ["", "a", "aa", "aab", "aaad", "abab", "aadd", "ba", "abcabd", "k=v", "aabbaacd", "abbbc", "a/b/c", "abcd", "bab"];
        var searching = new PosixPattern(pattern);
        var machine = new PosixPattern(pattern) { TriesBacktracking = false };
        var backtracker = new PosixBacktracker(PosixProgram.Compile(pattern));
        static string Show(string?[]? groups) => groups is null ? "no match" : string.Join(",", groups.Select(g => g ?? "null"));
        var matches = 0;
        foreach (var input in inputs)
        {
            // Otherwise the machine answers both and the comparison proves nothing.
            Assert.NotEqual(PosixBacktracker.Outcome.GaveUp, backtracker.MatchWhole(input, out _));
            var expected = machine.MatchWhole(input);
            Assert.Equal(Show(expected), Show(searching.MatchWhole(input)));
            if (expected is not null) matches++;
        }
        Assert.True(matches > 0);
    }

    [Fact]
    public void Random_patterns_and_inputs_have_the_machines_groups()
    {
        // Seeded: 2,000 small patterns of groups, loops and alternatives over {a, b}, each against a random input.
        var random = new Random(16);
        string[] atoms = ["a", "b", ".", "[ab]", "()"];
        string Pattern(int depth)
        {
            var pieces = random.Next(1, 4);
            var text = "";
            for (var i = 0; i < pieces; i++)
            {
                var piece = depth > 0 && random.Next(3) == 0
                    ? "(" + Pattern(depth - 1) + (random.Next(3) == 0 ? "|" + Pattern(depth - 1) : "") + ")"
                    : atoms[random.Next(atoms.Length)];
                text += piece + (random.Next(5) switch { 0 => "*", 1 => "+", 2 => "?", _ => "" });
            }
            return text;
        }
        static string Show(string?[]? groups) => groups is null ? "no match" : string.Join(",", groups.Select(g => g ?? "null"));
        var (answered, matched) = (0, 0);
        for (var pair = 0; pair < 2_000; pair++)
        {
            var pattern = Pattern(2);
            var input = new string([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => random.Next(2) == 0 ? 'a' : 'b')]);
            var outcome = new PosixBacktracker(PosixProgram.Compile(pattern)).MatchWhole(input, out _);
            if (outcome != PosixBacktracker.Outcome.GaveUp) answered++;
            var expected = Show(new PosixPattern(pattern) { TriesBacktracking = false }.MatchWhole(input));
            if (expected != "no match") matched++;
            Assert.True(expected == Show(new PosixPattern(pattern).MatchWhole(input)), $"/{pattern}/ on \"{input}\": the machine gives {expected}");
        }
        // Otherwise the machine answered both and the comparison proved nothing.
        Assert.True(answered > 1_900, $"the search answered {answered}");
        Assert.True(matched > 200, $"{matched} matched");
    }

    [Fact]
    public void Many_loops_in_sequence_match_by_their_first_path()
    {
        // Nix 2.8 matches at once. The machine keeps a thread per loop at every position (3,000 x 2,000), past this
        // lowered limit; the search takes the first loop to the end and leaves the others empty.
        var pattern = string.Concat(Enumerable.Repeat("(a*)", 3_000));
        var input = new string('a', 2_000);
        var machineOnly = new PosixPattern(pattern) { MinWork = 1_000_000, TriesBacktracking = false };
        Assert.True(Assert.Throws<InvalidPosixPatternException>(() => machineOnly.MatchWhole(input)).ExceedsMemoryLimit);

        var groups = new PosixPattern(pattern) { MinWork = 1_000_000 }.MatchWhole(input)!;
        Assert.Equal(input, groups[0]);
        Assert.All(groups[1..], group => Assert.Equal("", group));
        Assert.Equal(3_000, groups.Length);
    }

    [Fact]
    public void A_search_past_its_budget_gives_up_and_the_machine_answers()
    {
        // No match: each loop head reached again walks every later exit, 50 x 50 a position, past the budget.
        var pattern = string.Concat(Enumerable.Repeat("(a*)", 50)) + "b";
        var input = new string('a', 200);
        Assert.Equal(PosixBacktracker.Outcome.GaveUp, new PosixBacktracker(PosixProgram.Compile(pattern)).MatchWhole(input, out _));
        Assert.Null(new PosixPattern(pattern).MatchWhole(input));
        Assert.Equal(input[..199], new PosixPattern(pattern).MatchWhole(input[..199] + "b")![0]);
    }

    [Fact]
    public void A_search_that_gives_up_keeps_no_large_arrays()
    {
        // Patterns are cached with their search: a give-up that kept its bitmap (400,000 words here) and stack would
        // hold megabytes per distinct pattern.
        var pattern = string.Concat(Enumerable.Repeat("(a*)", 50)) + "b";
        var backtracker = new PosixBacktracker(PosixProgram.Compile(pattern));
        Assert.Equal(PosixBacktracker.Outcome.GaveUp, backtracker.MatchWhole(new string('a', 100_000), out _));
        Assert.True(backtracker.HeldEntries <= 3 * PosixBacktracker.MaxRetainedWords, $"holds {backtracker.HeldEntries}");
    }

    [Fact]
    public void An_input_beyond_the_step_budget_is_left_to_the_machine()
    {
        // (.*) over 350 KB fits the bitmap but not the budget (8 steps a byte past 1M): the search would give up.
        var program = PosixProgram.Compile("(.*)");
        var longest = PosixBacktracker.MaxSteps / 8 - program.Instructions.Length;
        Assert.True(PosixBacktracker.Fits(program, longest));
        Assert.False(PosixBacktracker.Fits(program, longest + 1));
        var input = new string('x', 350_000);
        // The bitmap alone (one word a position) would admit it.
        Assert.True(64L * (input.Length + 1) <= PosixBacktracker.MaxVisitedBits);
        Assert.False(PosixBacktracker.Fits(program, input.Length));
        Assert.Equal(input, Assert.Single(new PosixPattern("(.*)").MatchWhole(input)!));
    }

    [Fact]
    public void An_input_beyond_the_bitmap_bound_is_left_to_the_machine()
    {
        // A row of the bitmap is whole words: 320 bits a position for a program of just over 256 instructions, not
        // 257 (with which the input below would fit). Short programs reach the step budget first.
        var loops = 1;
        while (PosixProgram.Compile(Loops(loops)).Instructions.Length <= 256) loops++;
        var program = PosixProgram.Compile(Loops(loops));
        Assert.InRange(program.Instructions.Length, 257, 300);
        var longest = (int)(PosixBacktracker.MaxVisitedBits / (5 * 64)) - 1;
        Assert.True(PosixBacktracker.Fits(program, longest));
        Assert.False(PosixBacktracker.Fits(program, longest + 1));
        Assert.True((long)program.Instructions.Length * (longest + 2) <= PosixBacktracker.MaxVisitedBits);
        Assert.Equal("b", new PosixPattern(Loops(loops)).MatchWhole(new string('a', longest + 1) + "b")![^1]);
    }

    /// <summary><c>(a*)</c> <paramref name="count"/> times, then <c>(b*)</c>.</summary>
    private static string Loops(int count) => string.Concat(Enumerable.Repeat("(a*)", count)) + "(b*)";
}
