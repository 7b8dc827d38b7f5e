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
}
