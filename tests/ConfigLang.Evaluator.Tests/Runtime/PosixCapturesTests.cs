using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>The machine's capture sets (<see cref="PosixCaptures"/>): shared until written, and bounded by what they allocate.</summary>
public sealed class PosixCapturesTests
{
    /// <summary>Few slots: flat arrays. Many (10,000 groups): chains of writes.</summary>
    public static readonly TheoryData<int> Shapes = new() { 6, 20_002 };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_write_to_a_shared_set_leaves_the_other_sharers_as_they_were(int slots)
    {
        var captures = new PosixCaptures(slots);
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
        // 10,001 copies of 20,002 slots (800 MB); as chains, a node each.
        const int slots = 20_002, threads = 10_001;
        var captures = new PosixCaptures(slots);
        var path = captures.New();
        var held = new List<PosixCaptures.Node>();
        for (var thread = 0; thread < threads; thread++)
        {
            path.References++;
            held.Add(captures.Write(path, 2 * thread, thread));
        }
        Assert.Equal(threads - 1, captures.Read(held[^1], 2 * (threads - 1)));
        Assert.Equal(-1, captures.Read(held[^1], 2 * (threads - 2)));
        Assert.InRange(captures.AllocatedBytes, 1, 1024 * 1024);
    }

    [Fact]
    public void Each_of_a_sequence_of_sets_one_write_from_the_one_before_costs_a_node()
    {
        // (a*)(a*)...: at each position the first thread's path leaves every loop in turn, and the thread it leaves in
        // each keeps the set as it was there, so each set is the one before and a write. Flat, each was a copy of every
        // slot (300 groups over 2,000 bytes: 360 million slots copied); a chain turns base once as long as the slots.
        const int slots = 6_002, writes = 3 * slots;
        var captures = new PosixCaptures(slots);
        captures.StartRun(long.MaxValue);
        var path = captures.New();
        var held = new List<PosixCaptures.Node>();
        var expected = Enumerable.Repeat(-1, slots).ToArray();
        var snapshots = new Dictionary<int, int[]>();
        for (var write = 0; write < writes; write++)
        {
            if (write % 2_000 == 1_999) snapshots[write] = (int[])expected.Clone();
            path.References++;
            held.Add(path);
            var slot = 1 + write % (slots - 1);
            path = captures.Write(path, slot, write);
            expected[slot] = write;
        }
        // Turning base costs the slots and the chain, three times here: not a copy of the slots at each write.
        Assert.InRange(captures.Work, 3 * slots, 10 * slots);
        Assert.Equal(expected, captures.ToArray(path));
        foreach (var (write, values) in snapshots)
        {
            Assert.Equal(values, captures.ToArray(held[write]));
            Assert.Equal(values[3_000], captures.Read(held[write], 3_000));
            Assert.Equal(-1, captures.Read(held[write], 0));
        }
        foreach (var set in held) captures.Release(set);
        captures.Release(path);
        Assert.InRange(captures.AllocatedBytes, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public void Sets_that_differ_everywhere_fail_at_the_memory_limit()
    {
        var captures = new PosixCaptures(20_002);
        var held = new List<PosixCaptures.Node>();
        void HoldSetsThatDifferInEverySlot()
        {
            for (var value = 0; ; value++)
            {
                var set = captures.New();
                for (var slot = 0; slot < 20_002; slot++) set = captures.Write(set, slot, value);
                held.Add(set);
            }
        }
        var error = Assert.Throws<InvalidPosixPatternException>(HoldSetsThatDifferInEverySlot);
        Assert.True(error.ExceedsMemoryLimit);
        Assert.InRange(held.Count, 10, 1000);
        Assert.InRange(captures.AllocatedBytes, PosixCaptures.MaxBytes - 128 * 1024, PosixCaptures.MaxBytes + 128 * 1024);
    }

    [Fact]
    public void Sets_of_few_slots_are_flat()
    {
        Assert.True(new PosixCaptures(PosixCaptures.MaxFlatSlots).IsFlat);
        Assert.False(new PosixCaptures(PosixCaptures.MaxFlatSlots + 2).IsFlat);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Released_sets_are_reused_rather_than_allocated_again(int slots)
    {
        var captures = new PosixCaptures(slots);
        var first = captures.Write(captures.New(), 1, 1);
        captures.Release(first);
        var allocated = captures.AllocatedBytes;
        var second = captures.Write(captures.New(), slots - 1, 2);
        Assert.Equal(allocated, captures.AllocatedBytes);
        Assert.Equal(-1, captures.Read(second, 1));
        Assert.Equal(2, captures.Read(second, slots - 1));
    }
}
