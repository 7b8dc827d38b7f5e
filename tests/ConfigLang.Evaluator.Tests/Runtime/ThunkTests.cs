using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

public sealed class ThunkTests
{
    [Fact]
    public void A_thunk_runs_once_and_keeps_its_value()
    {
        var runs = 0;
        var thunk = Thunk.FromFunc(() => { runs++; return IntValue.Of(42); });
        Assert.Equal(ThunkState.Pending, thunk.State);

        Assert.Equal(42, ((IntValue)thunk.Force()).Value);
        Assert.Equal(42, ((IntValue)thunk.Force()).Value);

        Assert.Equal(ThunkState.Forced, thunk.State);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_thunk_keeps_its_value_or_error_in_one_field()
    {
        // Header, state, outcome and the native computation: five words. Every lazy value pays
        // for this, so a field more is 8 MB per million list elements.
        Func<Value> compute = () => IntValue.Of(1);
        var thunks = new Thunk[1000];
        thunks[0] = Thunk.FromFunc(compute);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < thunks.Length; i++) thunks[i] = Thunk.FromFunc(compute);
        var perThunk = (GC.GetAllocatedBytesForCurrentThread() - before) / thunks.Length;

        Assert.True(perThunk <= 5 * IntPtr.Size, $"{perThunk} bytes per thunk");
    }

    [Fact]
    public void Forcing_a_thunk_from_its_own_computation_is_infinite_recursion()
    {
        Thunk? self = null;
        self = Thunk.FromFunc(() => self!.Force());

        var error = Assert.Throws<EvaluationException>(() => self.Force());

        Assert.Equal("infinite recursion encountered", error.Diagnostic.Message);
        Assert.Equal(EvaluationDiagnostics.InfiniteRecursion, error.Diagnostic.Code);
    }

    [Fact]
    public void A_failed_thunk_reports_the_same_error_again_without_rerunning()
    {
        var runs = 0;
        var thunk = Thunk.FromFunc(() =>
        {
            runs++;
            throw EvaluationException.Create(EvaluationDiagnostics.Thrown, "boom", null, EvaluationErrorKind.Thrown);
        });

        Assert.Throws<EvaluationException>(() => thunk.Force());
        var second = Assert.Throws<EvaluationException>(() => thunk.Force());

        Assert.Equal(ThunkState.Failed, thunk.State);
        Assert.Equal("boom", second.Diagnostic.Message);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void Infinite_recursion_in_a_program_points_at_the_expression()
    {
        var stderr = Evaluate.Error("let x = x + 1; in x");

        Assert.StartsWith("error: infinite recursion encountered", stderr);
        Assert.Contains("«string»:1:9", stderr);
    }
}
