using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// Applies the memory limit to this process through the runtime's own setting: the garbage
/// collector's hard heap limit, so an allocation past it raises <see cref="OutOfMemoryException"/>
/// (reported by <see cref="CliHost"/>) instead of the machine running out of memory. The evaluator
/// learns the figure too, to refuse single huge allocations at once and where they are asked for.
/// </summary>
public static class HeapLimit
{
    public static void Apply(long bytes)
    {
        AppContext.SetData("GCHeapHardLimit", (ulong)bytes);
        GC.RefreshMemoryLimit();
        MemoryLimit.Configure(bytes, MaxMemoryOption.Hint);
    }
}
