// Scale benchmark of the module system: a NixOS-like option file (security.acme.certs as
// attrsOf (submodule …) with a dozen options whose defaults come from security.acme.defaults,
// nginx virtualHosts with useACMEHost, certificates derived from virtual hosts under mkIf) and a
// host with N certificates and N virtual hosts. Every certificate and host is fully evaluated.
// Usage: dotnet run -c Release --project tests/ConfigLang.Modules.Benchmarks -- [--alloc-types] N [N…]
// Run one N per process to read the whole-process peak memory of that size. Wall time depends on
// the machine's load; allocated bytes and GC counts do not, so compare those across changes.
// --alloc-types lists the types that allocated most (sampled every ~100 KB by the runtime).
using System.Diagnostics;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Benchmarks;
using ConfigLang.Modules.Evaluation;

var allocationTypes = args.Contains("--alloc-types");
var sizes = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
if (sizes.Length == 0) sizes = [100, 1000, 10000];
var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
var options = ConfigurationQuery.WithModules(new EvaluatorOptions { CurrentDirectory = fixtures });
using var listener = allocationTypes ? new AllocationSampler() : null;
foreach (var n in sizes)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var pauseBefore = GC.GetTotalPauseDuration();
    var watch = Stopwatch.StartNew();
    var result = new ConfigEvaluator(options).Evaluate(new EvaluationRequest { Expression = $"import ./run.nix {{ n = {n}; }}" });
    watch.Stop();
    if (!result.Succeeded)
    {
        Console.Error.Write(result.Stderr);
        return 1;
    }
    var expected = (2 * n).ToString(System.Globalization.CultureInfo.InvariantCulture);
    if (result.Stdout.Trim() != expected)
    {
        Console.Error.WriteLine($"n={n}: expected {expected}, got {result.Stdout.Trim()}");
        return 1;
    }
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024 * 1024);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var pause = GC.GetTotalPauseDuration() - pauseBefore;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
    Console.WriteLine($"n={n}\t{watch.ElapsedMilliseconds} ms\tcpu {cpu.TotalMilliseconds:F0} ms\tallocated {allocated} MB\t" +
        $"gc {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}\tgc pause {pause.TotalMilliseconds:F0} ms\tpeak working set {peak} MB");
}
listener?.Report(Console.Out, 60);
return 0;
