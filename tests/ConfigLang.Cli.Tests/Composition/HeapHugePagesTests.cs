using System.Globalization;
using ConfigLang.Cli.Composition;

namespace ConfigLang.Cli.Tests.Composition;

/// <summary>
/// The heap preparation the CLI does at startup: where the kernel offers transparent huge pages,
/// new objects land in one writable mapping the kernel may back with huge pages; where it does
/// not, nothing is changed. Runs in the test process, whose heap it prepares like the CLI's.
/// </summary>
public sealed class HeapHugePagesTests
{
    [Fact]
    public void New_objects_land_in_writable_memory_eligible_for_huge_pages_when_the_kernel_offers_them()
    {
        var offered = KernelOffersHugePages();

        // Other tests allocate in this process at the same time; a collection between preparing and
        // looking could give part of the range back to the system (which splits the mapping, as
        // it may in the CLI too, where it only loses the benefit there), so none is let happen.
        List<Mapping> mappings;
        var noCollection = GC.TryStartNoGCRegion(64L << 20);
        try
        {
            HeapHugePages.Prepare();
            Assert.Equal(offered, HeapHugePages.Prepared);
            if (!offered) return;
            // The restoration after the collection that started the region, if another test prepared first.
            GC.WaitForPendingFinalizers();
            mappings = MappingsWithin(HeapHugePages.PreparedRange!.Value.Start, HeapHugePages.PreparedRange!.Value.End);
        }
        finally
        {
            if (noCollection && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }

        var (start, end) = HeapHugePages.PreparedRange!.Value;
        Assert.True(end - start >= 256UL << 20, "too little prepared to matter");
        AssertEligibleForHugePages(mappings, start, end);

        // As the heap grows, it grows into the prepared range: 128 MB kept alive cannot all fit in
        // what the process had before.
        var residentBefore = ResidentKilobytes(start, end);
        var kept = new List<byte[]>();
        for (var i = 0; i < 8192; i++) kept.Add(new byte[16 * 1024]);
        var residentAfter = ResidentKilobytes(start, end);
        GC.KeepAlive(kept);
        Assert.True(residentAfter - residentBefore >= 32 * 1024, $"resident in the prepared range: {residentBefore} KB before, {residentAfter} KB after");
    }

    [Fact]
    public void After_a_collection_gives_memory_back_the_range_is_writable_and_eligible_for_huge_pages_again()
    {
        HeapHugePages.Prepare();
        if (!HeapHugePages.Prepared)
        {
            // Only where the kernel does not offer huge pages (the test above checks that case).
            Assert.False(KernelOffersHugePages());
            return;
        }
        var (start, end) = HeapHugePages.PreparedRange!.Value;
        var restorations = HeapHugePages.Restorations;

        // Garbage, then the collection that gives back every free region it can: the runtime maps
        // inaccessible memory over them, inside the prepared range.
        for (var i = 0; i < 4096; i++) GC.KeepAlive(new byte[16 * 1024]);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        // Looked at with no collection running, after the restoration that follows the
        // collection starting the no-GC region (other tests allocate in this process too).
        List<Mapping> mappings;
        var noCollection = GC.TryStartNoGCRegion(64L << 20);
        try
        {
            GC.WaitForPendingFinalizers();
            mappings = MappingsWithin(start, end);
        }
        finally
        {
            if (noCollection && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }

        Assert.True(HeapHugePages.Restorations > restorations, "not prepared again after the collections");
        AssertEligibleForHugePages(mappings, start, end);
    }

    /// <summary>
    /// The whole range is writable, dumpable memory advised for huge pages, which the kernel
    /// backs with them wherever a mapping holds a whole aligned huge page. A part the runtime
    /// once gave back and then used again may stay a mapping of its own (the kernel does not
    /// merge mappings whose pages came from different faults); only the huge pages across such
    /// a boundary are lost.
    /// </summary>
    private static void AssertEligibleForHugePages(List<Mapping> mappings, ulong start, ulong end)
    {
        const ulong hugePage = 2UL << 20;
        Assert.NotEmpty(mappings);
        Assert.True(mappings[0].Start <= start && end <= mappings[^1].End, $"prepared {start:x}-{end:x}, mapped {mappings[0].Start:x}-{mappings[^1].End:x}");
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            var where = $"{mapping.Start:x}-{mapping.End:x} of the prepared {start:x}-{end:x}";
            Assert.True(i == 0 || mappings[i - 1].End == mapping.Start, $"gap before {where}");
            Assert.True(mapping.Permissions.StartsWith("rw", StringComparison.Ordinal), $"{mapping.Permissions}: {where}");
            var flags = mapping.Fields.GetValueOrDefault("VmFlags") ?? "";
            Assert.True(flags.Contains(" hg", StringComparison.Ordinal), $"not advised for huge pages ({flags.Trim()}): {where}");
            Assert.DoesNotContain(" dd", flags, StringComparison.Ordinal);
            var firstWhole = (Math.Max(mapping.Start, start) + hugePage - 1) / hugePage * hugePage;
            if (firstWhole + hugePage <= Math.Min(mapping.End, end))
                Assert.True(mapping.Fields.GetValueOrDefault("THPeligible")?.Trim() == "1", $"not eligible for huge pages: {where}");
        }
    }

    private static bool KernelOffersHugePages()
    {
        var policy = ReadOrEmpty("/sys/kernel/mm/transparent_hugepage/enabled");
        return (policy.Contains("[madvise]", StringComparison.Ordinal) || policy.Contains("[always]", StringComparison.Ordinal))
            && ReadOrEmpty("/proc/sys/vm/overcommit_memory").Trim() != "2"
            && Environment.GetEnvironmentVariable("CONFIGLANG_HUGE_PAGES") != "0";
    }

    /// <summary>The resident memory of the mappings within [start, end), in KB.</summary>
    private static long ResidentKilobytes(ulong start, ulong end)
    {
        long total = 0;
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (dash > 0 && space > dash && char.IsAsciiHexDigit(line[0]) && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = from >= start && to <= end;
            }
            else if (inside && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line.AsSpan(4).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return total;
    }

    private sealed record Mapping(ulong Start, ulong End, string Permissions, Dictionary<string, string> Fields);

    /// <summary>The mappings overlapping [start, end), in address order, with their smaps fields.</summary>
    private static List<Mapping> MappingsWithin(ulong start, ulong end)
    {
        var mappings = new List<Mapping>();
        Mapping? current = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var colon = line.IndexOf(':');
            var dash = line.IndexOf('-');
            if (dash > 0 && (colon < 0 || dash < colon) && char.IsAsciiHexDigit(line[0]))
            {
                var space = line.IndexOf(' ');
                var from = ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var to = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                current = from < end && start < to ? new Mapping(from, to, line.Substring(space + 1, 4), []) : null;
                if (current is not null) mappings.Add(current);
            }
            else if (current is not null && colon > 0)
            {
                current.Fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        return mappings;
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
