using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Every string and list is checked against the memory limit as it is made: a check that passes
/// must cost no allocation (it built its error's description each time, a string per
/// concatenation), and one that fails must still describe what was asked for.
/// </summary>
public sealed class MemoryLimitCheckTests
{
    [Fact]
    public void A_check_that_passes_allocates_nothing()
    {
        MemoryLimit.EnsureString(40, null);
        MemoryLimit.EnsureList(1000, 8, null);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            MemoryLimit.EnsureString(40 + i, null);
            MemoryLimit.EnsureList(1000 + i, 8, null);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_check_that_fails_says_what_was_asked_for()
    {
        var count = MemoryLimit.Bytes / 16 + 1;
        var error = Assert.Throws<EvaluationException>(() => MemoryLimit.EnsureList(count, 8, null));
        Assert.StartsWith("evaluation exceeded the memory limit", error.Message);
        Assert.EndsWith($": a list of {count} elements would need {MemoryLimit.Describe(count * 16.0)}", error.Message);
    }
}
