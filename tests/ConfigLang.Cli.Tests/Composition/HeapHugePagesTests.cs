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
    public void New_objects_land_in_one_writable_mapping_eligible_for_huge_pages_when_the_kernel_offers_them()
    {
        var policy = ReadOrEmpty("/sys/kernel/mm/transparent_hugepage/enabled");
        var offered = (policy.Contains("[madvise]", StringComparison.Ordinal) || policy.Contains("[always]", StringComparison.Ordinal))
            && ReadOrEmpty("/proc/sys/vm/overcommit_memory").Trim() != "2"
            && Environment.GetEnvironmentVariable("CONFIGLANG_HUGE_PAGES") != "0";

        // Other tests allocate in this process at the same time; a collection between preparing and
        // looking could give part of the range back to the system (which splits the mapping, as
        // it may in the CLI too, where it only loses the benefit there), so none is let happen.
        Mapping? mapping;
        var noCollection = GC.TryStartNoGCRegion(64L << 20);
        try
        {
            HeapHugePages.Prepare();
            Assert.Equal(offered, HeapHugePages.Prepared);
            if (!offered) return;
            mapping = MappingOf(HeapHugePages.PreparedRange!.Value.Start);
        }
        finally
        {
            if (noCollection && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }

        var (start, end) = HeapHugePages.PreparedRange!.Value;
        Assert.NotNull(mapping);
        Assert.StartsWith("rw", mapping.Permissions, StringComparison.Ordinal);
        Assert.True(mapping.Start <= start && end <= mapping.End, $"prepared {start:x}-{end:x} is split: {mapping.Start:x}-{mapping.End:x}");
        Assert.True(end - start >= 256UL << 20, "too little prepared to matter");
        Assert.Equal("1", mapping.Fields.GetValueOrDefault("THPeligible")?.Trim());
        Assert.DoesNotContain(" dd", mapping.Fields.GetValueOrDefault("VmFlags") ?? "", StringComparison.Ordinal);

        // As the heap grows, it grows into the prepared range: 128 MB kept alive cannot all fit in
        // what the process had before.
        var residentBefore = ResidentKilobytes(start, end);
        var kept = new List<byte[]>();
        for (var i = 0; i < 8192; i++) kept.Add(new byte[16 * 1024]);
        var residentAfter = ResidentKilobytes(start, end);
        GC.KeepAlive(kept);
        Assert.True(residentAfter - residentBefore >= 32 * 1024, $"resident in the prepared range: {residentBefore} KB before, {residentAfter} KB after");
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

    private static Mapping? MappingOf(ulong address)
    {
        Mapping? current = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var colon = line.IndexOf(':');
            var dash = line.IndexOf('-');
            if (dash > 0 && (colon < 0 || dash < colon) && char.IsAsciiHexDigit(line[0]))
            {
                if (current is not null) return current;
                var space = line.IndexOf(' ');
                var start = ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var end = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (start <= address && address < end) current = new Mapping(start, end, line.Substring(space + 1, 4), []);
            }
            else if (current is not null && colon > 0)
            {
                current.Fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        return current;
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
