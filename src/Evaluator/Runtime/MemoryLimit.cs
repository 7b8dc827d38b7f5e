using System.Globalization;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// How much memory evaluation may use. The host sets the runtime's heap limit (so running past it
/// raises <see cref="OutOfMemoryException"/>, which the host reports); this class also lets one
/// operation that asks for more than the whole limit at once (a list of a billion elements, a
/// string doubled once too often) fail immediately, at the call, with the same message.
/// </summary>
public static class MemoryLimit
{
    private static long _bytes;
    private static string _hint = "";

    private static readonly Lazy<long> RuntimeLimit = new(() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>The limit in bytes: what the host configured, else the memory the runtime may use.</summary>
    public static long Bytes => Volatile.Read(ref _bytes) is > 0 and var bytes ? bytes : RuntimeLimit.Value;

    /// <summary>Called once by the host that applied the limit; <paramref name="hint"/> says how to change it.</summary>
    public static void Configure(long bytes, string hint)
    {
        _hint = hint;
        Volatile.Write(ref _bytes, bytes);
    }

    /// <summary>The message of every memory-limit error, whoever detects it.</summary>
    public static string Message(long bytes, string hint) =>
        $"evaluation exceeded the memory limit of {Describe(bytes)}{(hint.Length > 0 ? $" ({hint})" : "")}";

    /// <summary>Fails at <paramref name="site"/> when <paramref name="bytes"/> alone exceed the limit.</summary>
    public static void EnsureAvailable(double bytes, string what, SourceLocation? site)
    {
        var limit = Bytes;
        if (bytes <= limit) return;
        throw EvaluationException.Create(EvaluationDiagnostics.MemoryLimit,
            $"{Message(limit, _hint)}: {what} would need {Describe(bytes)}", site);
    }

    /// <summary>A list of <paramref name="count"/> elements, each taking <paramref name="bytesPerElement"/> besides its slot.</summary>
    public static void EnsureList(long count, int bytesPerElement, SourceLocation? site)
    {
        if (count > Array.MaxLength)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.MemoryLimit,
                $"{Message(Bytes, _hint)}: a list of {count} elements is longer than the longest possible ({Array.MaxLength})", site);
        }
        // The description only when it is needed: lists and strings are checked as they are made.
        var bytes = (double)count * (IntPtr.Size + bytesPerElement);
        if (bytes > Bytes) EnsureAvailable(bytes, $"a list of {count} elements", site);
    }

    /// <summary>A string of <paramref name="length"/> UTF-16 code units.</summary>
    public static void EnsureString(long length, SourceLocation? site)
    {
        if (length > MaxStringLength)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.MemoryLimit,
                $"{Message(Bytes, _hint)}: a string of {length} characters is longer than the longest possible ({MaxStringLength})", site);
        }
        if (length * 2.0 > Bytes) EnsureAvailable(length * 2.0, $"a string of {length} characters", site);
    }

    /// <summary>Printers call this as their output grows: a value whose text would not fit fails here,
    /// cleanly and at <paramref name="site"/>, rather than in the string builder.</summary>
    public static void EnsureOutput(System.Text.StringBuilder output, SourceLocation? site)
    {
        EnsureString(output.Length, site);
        var bytes = output.Length * 2.0 * CopiesOfOutput;
        if (bytes > Bytes) EnsureAvailable(bytes, $"printing more than {output.Length} characters", site);
    }

    /// <summary>Printed text is held up to four times at once (the printer's builder, its string, the
    /// command's output builder and the string written), so it may take only a quarter of the limit.</summary>
    private const long CopiesOfOutput = 4;

    /// <summary>The longest string the runtime can allocate.</summary>
    public const int MaxStringLength = 0x3FFFFFDF;

    /// <summary>Bytes in binary units, as people write them: "512 MiB", "4 GiB", "1.5 GiB".</summary>
    public static string Describe(double bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0
            ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} bytes"
            : $"{bytes.ToString(bytes < 10 && bytes != Math.Floor(bytes) ? "0.#" : "0", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
