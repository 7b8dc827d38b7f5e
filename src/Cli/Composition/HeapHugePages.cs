using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// Lets Linux back the start of the managed heap with transparent huge pages, as JVMs do with
/// <c>-XX:+UseTransparentHugePages</c>. A large evaluation touches hundreds of megabytes of fresh
/// heap, and with 4 KiB pages each page costs a fault: on the virtual machines CI runs on, a
/// fault costs microseconds (measured here: 1.25 s to first-touch 400 MB, 0.04–0.6 s with huge
/// pages), which made page faults half the time of a 10,000-certificate evaluation.
/// <para>
/// The runtime reserves the heap as one inaccessible mapping and commits it in 64 KiB steps,
/// each also marked for core dumps; every step splits the mapping at its end, so no 2 MiB-aligned
/// range is ever inside one mapping and the kernel can never use a huge page. Here the part of
/// the reservation where the heap grows (from the region in use at startup, up to 2 GB) is made
/// readable, writable and dumpable at once (the runtime's later commits change nothing, so it
/// stays one mapping) and advised for huge pages. Memory is still only used where touched.
/// </para>
/// <para>
/// After a collection the runtime gives free regions back to the system by mapping fresh,
/// inaccessible memory over them, which drops their pages and the advice and splits the
/// mapping again; its next commits there would be faulted in 4 KiB pages (a steady loop of
/// parses spent most of its time in such faults). So after every collection the range is made
/// writable and advised again (<see cref="Restorations"/>). This only changes the mapping's
/// flags: the pages given back stay given back, and the runtime never touches memory it has not
/// committed. (The kernel may keep a boundary where pages were faulted in between; only the huge
/// page around it is lost.)
/// </para>
/// Best effort: without transparent huge pages, under strict overcommit accounting, or on any
/// failure, the heap stays as the runtime made it. <c>CONFIGLANG_HUGE_PAGES=0</c> turns it off.
/// </summary>
public static partial class HeapHugePages
{
    private const int ProtectReadWrite = 0x1 | 0x2;
    private const int AdviseHugePage = 14;
    private const int AdviseDump = 17;
    private const long MaximumPrepared = 2L << 30;

    /// <summary>Whether the heap was prepared.</summary>
    public static bool Prepared => PreparedRange is not null;

    /// <summary>The addresses made one writable mapping advised for huge pages, once prepared.</summary>
    public static (ulong Start, ulong End)? PreparedRange { get; private set; }

    private static int _restorations;

    /// <summary>How many times the range was prepared again after a collection.</summary>
    public static int Restorations => Volatile.Read(ref _restorations);

    public static void Prepare()
    {
        if (Prepared || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("CONFIGLANG_HUGE_PAGES") == "0") return;
        try
        {
            // "[always]" or "[madvise]" can give huge pages; "[never]" (or no such file) cannot.
            var policy = ReadSetting("/sys/kernel/mm/transparent_hugepage/enabled");
            if (!policy.Contains("[madvise]", StringComparison.Ordinal) && !policy.Contains("[always]", StringComparison.Ordinal)) return;
            // Under strict accounting (mode 2) a writable private mapping is charged in full.
            if (ReadSetting("/proc/sys/vm/overcommit_memory").Trim() == "2") return;
            if (HeapReservation() is not var (start, end)) return;
            var length = Math.Min(end - start, (ulong)Math.Min(MaximumPrepared, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4));
            if (!MakeWritableAndAdvised(start, start + length)) return;
            PreparedRange = (start, start + length);
            AfterCollection.Watch();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool MakeWritableAndAdvised(ulong start, ulong end)
    {
        var length = (nuint)(end - start);
        return Advise((nint)start, length, AdviseHugePage) == 0
            && Advise((nint)start, length, AdviseDump) == 0
            && Protect((nint)start, length, ProtectReadWrite) == 0;
    }

    /// <summary>
    /// An object whose finalizer runs after the next collection (on the finalizer thread, while
    /// the program goes on) and leaves a new one behind for the collection after that. A
    /// collection decommitting again while this runs is harmless: either order leaves memory the
    /// runtime considers decommitted, which it commits before use.
    /// </summary>
    private sealed class AfterCollection
    {
        public static void Watch() => _ = new AfterCollection();

        ~AfterCollection()
        {
            if (PreparedRange is not var (start, end)) return;
            if (MakeWritableAndAdvised(start, end)) Interlocked.Increment(ref _restorations);
            Watch();
        }
    }

    private static string ReadSetting(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>
    /// From the mapping that holds a freshly allocated object (heap the runtime has committed) up
    /// through the adjacent anonymous mappings above it: the rest of the runtime's reservation,
    /// where new regions go. Only mappings above are taken (one below could be a thread's stack
    /// guard), and only if the run is at least a gigabyte, which only the heap reservation is.
    /// </summary>
    private static (ulong Start, ulong End)? HeapReservation()
    {
        var probe = new object();
        var address = (ulong)Unsafe.As<object, nint>(ref probe);
        ulong start = 0, end = 0;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (dash <= 0 || space <= dash) continue;
            var from = ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var to = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (end == 0)
            {
                if (from <= address && address < to)
                {
                    if (!IsAnonymous(line)) return null;
                    (start, end) = (from, to);
                }
            }
            else if (from == end && IsAnonymous(line))
            {
                end = to;
            }
            else
            {
                break;
            }
        }
        GC.KeepAlive(probe);
        return end - start >= 1UL << 30 ? (start, end) : null;
    }

    /// <summary>A maps line without a path: range, permissions, offset, device, inode 0.</summary>
    private static bool IsAnonymous(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 5 && fields[4] == "0";
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Protect(nint address, nuint length, int protection);
}
