using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>The machine's capture sets (<see cref="PosixCaptures"/>): shared until written, and bounded by what they allocate.</summary>
public sealed class PosixCapturesTests
{
    /// <summary>Few slots and threads: flat arrays. Many slots times threads (10,000 nested groups): roots of leaves.</summary>
    public static readonly TheoryData<int, int> Shapes = new() { { 6, 10 }, { 20_002, 10_002 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_write_to_a_shared_set_leaves_the_other_sharers_as_they_were(int slots, int threads)
    {
        var captures = new PosixCaptures(slots, threads);
        var shared = captures.New();
        shared = captures.Write(shared, slots - 1, 7);
        shared.References++; // a second thread takes it, as a choice does
        var written = captures.Write(shared, 0, 3);
        Assert.NotSame(shared, written);
        Assert.Equal(-1, captures.Read(shared, 0));
        Assert.Equal(7, captures.Read(shared, slots - 1));
        Assert.Equal(3, captures.Read(written, 0));
        Assert.Equal(7, captures.Read(written, slots - 1));
        var all = captures.ToArray(written);
        Assert.Equal(slots, all.Length);
        Assert.Equal([3, 7], new[] { all[0], all[^1] });
        Assert.All(all[1..^1], slot => Assert.Equal(-1, slot));
    }

    [Fact]
    public void Sets_that_differ_in_one_slot_share_the_rest()
    {
        // 10,000 nested groups: 10,001 threads at once, each written once after it leaves the others. Flat, that is
        // 10,001 copies of 20,002 slots (800 MB); with leaves, a root and a leaf each.
        const int slots = 20_002, threads = 10_001;
        var captures = new PosixCaptures(slots, threads);
        var path = captures.New();
        var held = new List<PosixCaptures.Node>();
        for (var thread = 0; thread < threads; thread++)
        {
            path.References++;
            held.Add(captures.Write(path, 2 * thread, thread));
        }
        Assert.Equal(threads - 1, captures.Read(held[^1], 2 * (threads - 1)));
        Assert.InRange(captures.AllocatedBytes, 1, 20L * 1024 * 1024);
    }

    [Fact]
    public void Sets_that_differ_everywhere_fail_at_the_memory_limit()
    {
        var captures = new PosixCaptures(20_002, 10_002);
        var held = new List<PosixCaptures.Node>();
        void HoldSetsThatDifferInEveryLeaf()
        {
            for (var value = 0; ; value++)
            {
                var set = captures.New();
                for (var slot = 0; slot < 20_002; slot += PosixCaptures.LeafSlots) set = captures.Write(set, slot, value);
                held.Add(set);
            }
        }
        var error = Assert.Throws<InvalidPosixPatternException>(HoldSetsThatDifferInEveryLeaf);
        Assert.True(error.ExceedsMemoryLimit);
        Assert.InRange(held.Count, 100, 1000);
        Assert.InRange(captures.AllocatedBytes, PosixCaptures.MaxBytes - 64 * 1024, PosixCaptures.MaxBytes + 64 * 1024);
    }

    [Fact]
    public void Sets_narrower_than_four_leaves_stay_flat_whatever_the_threads()
    {
        // 600 slots times 10,000 threads is past the flat bound, but a root of 3 leaves saves little: a root and a
        // 256-slot leaf per write against 600 slots, and an indirection on every read.
        Assert.True(new PosixCaptures(600, 10_000).IsFlat);
        Assert.False(new PosixCaptures(4 * PosixCaptures.LeafSlots, 10_000).IsFlat);
    }

    [Fact]
    public void Released_sets_are_reused_rather_than_allocated_again()
    {
        var captures = new PosixCaptures(20_002, 10_002);
        var first = captures.Write(captures.New(), 5, 1);
        captures.Release(first);
        var allocated = captures.AllocatedBytes;
        var second = captures.Write(captures.New(), 5_000, 2);
        Assert.Equal(allocated, captures.AllocatedBytes);
        Assert.Equal(-1, captures.Read(second, 5));
    }
}
