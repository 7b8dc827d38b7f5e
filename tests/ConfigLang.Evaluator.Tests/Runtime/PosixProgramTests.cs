using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>What a compiled <see cref="PosixProgram"/> holds and what a search builds from it.</summary>
public sealed class PosixProgramTests
{
    [Fact]
    public void A_literal_separator_splits_without_building_a_reachability_table()
    {
        var program = PosixProgram.Compile(",");
        Assert.False(program.HasRepetition);
        Assert.Null(PosixReachability.For(program, "a,b,c"));
        Assert.False(program.HasReachabilityShape);
    }

    [Fact]
    public void Searches_with_a_repetition_share_one_reachability_shape()
    {
        var program = PosixProgram.Compile(",+");
        Assert.True(program.HasRepetition);
        Assert.NotNull(PosixReachability.For(program, "a,,b"));
        var shape = program.ReachabilityShape;
        Assert.NotNull(PosixReachability.For(program, "c,d"));
        Assert.Same(shape, program.ReachabilityShape);
    }

    [Theory]
    [InlineData("a{0,34000}", 68_003)] // Nix 2.8 takes it; counted ahead, a bound's body was charged twice
    [InlineData("a{99997}", 100_000)] // the limit itself
    [InlineData("(a){2,3}", 13)]
    public void A_program_is_as_large_as_the_instructions_it_emits(string pattern, int instructions) =>
        Assert.Equal(instructions, PosixProgram.Compile(pattern).Instructions.Length);

    [Theory]
    [InlineData("a{99998}")] // one instruction past the limit
    [InlineData("a{0,49999}")]
    [InlineData("a{0}{99999999}{99999999}")] // emits nothing, but must not loop 10^16 times to find that out
    [InlineData("(a{0}){0}{99999999}")]
    public void Compilation_stops_at_the_limit(string pattern) =>
        Assert.True(Assert.Throws<InvalidPosixPatternException>(() => PosixProgram.Compile(pattern)).ExceedsMemoryLimit);

    [Fact]
    public void Each_straight_line_ends_at_its_first_choice_or_consuming_instruction()
    {
        // Save 0, Loop, Save 2, a, Save 3, Jump to the loop, ^ (Begin), b, Save 1, Match.
        var program = PosixProgram.Compile("(a)*^b");
        Assert.Equal([PosixProgram.Op.Save, PosixProgram.Op.Loop, PosixProgram.Op.Save, PosixProgram.Op.Char, PosixProgram.Op.Save,
            PosixProgram.Op.Jump, PosixProgram.Op.Begin, PosixProgram.Op.Char, PosixProgram.Op.Save, PosixProgram.Op.Match],
            program.Instructions.Select(i => i.Op));
        Assert.Equal([1, 1, 3, 3, 1, 1, 7, 7, 9, 9], program.LineEnds);
    }

    [Theory]
    [InlineData("([^=]*)=(.*)", false)] // no loop's exit reaches another loop: recording cost 5% of each match
    [InlineData("[a-z]+(-[a-z]+)*", false)] // a chain of two loops
    [InlineData("(a*)(b*)(c*)", false)] // three, writes between them
    [InlineData("a*b?c*d*e*", false)] // b? is a choice, which ends a walk taken again: two chains, of one and three
    [InlineData("a*|b*|c*|d*", false)] // each exit leads to the match, not to the next loop
    [InlineData("(a*)(b*)(c*)(d*)", true)]
    [InlineData("a*b?c*d*e*f*", true)]
    [InlineData("(((a*)*)*)*", true)] // each exit leads outwards to the enclosing loop's head
    [InlineData("(a*|b*)c*d*e*", true)] // two chains join at c*
    public void Loop_exits_are_recorded_only_for_chains_of_four_loops_or_more(string pattern, bool recorded) =>
        Assert.Equal(recorded, PosixProgram.Compile(pattern).LoopExitsWorthRecording);

    [Theory]
    [InlineData(",", ",")]
    [InlineData(", ", ", ")]
    [InlineData("\\.]}", ".]}")] // escaped and ordinary specials are literal too
    [InlineData("", null)] // empty matches are the machine's
    [InlineData("a*", null)]
    [InlineData("(,)", null)]
    [InlineData("(x){0},", null)] // the group is still reported, as null
    [InlineData("^,", null)]
    [InlineData("[,]", null)]
    [InlineData("a|b", null)]
    [InlineData("a{2}", "aa")]
    public void A_pattern_of_plain_bytes_is_searched_as_a_literal(string pattern, string? literal) =>
        Assert.Equal(literal, PosixProgram.Compile(pattern).Literal);
}
