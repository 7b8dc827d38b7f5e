using System.Diagnostics.Tracing;

namespace ConfigLang.Modules.Benchmarks;

/// <summary>
/// Listens to the runtime's own allocation-tick events (one per ~100 KB allocated, naming the
/// type that crossed the threshold) and counts them by type: a cheap, in-process answer to
/// "what allocates", without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private readonly Lock _lock = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var typeIndex = e.PayloadNames!.IndexOf("TypeName");
        var amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0) return;
        var type = e.Payload[typeIndex] as string ?? "?";
        var amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_lock)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    public void Report(TextWriter output, int top)
    {
        lock (_lock)
        {
            var total = _bytesByType.Values.Sum();
            output.WriteLine($"sampled allocations by type (total {total / (1024 * 1024)} MB):");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
                output.WriteLine($"  {bytes / (1024 * 1024),6} MB  {100.0 * bytes / total,5:F1}%  {type}");
        }
    }
}
