// Scale benchmark of the module system: a NixOS-like option file (security.acme.certs as
// attrsOf (submodule …) with a dozen options whose defaults come from security.acme.defaults,
// nginx virtualHosts with useACMEHost, certificates derived from virtual hosts under mkIf) and a
// host with N certificates and N virtual hosts. Every certificate and host is fully evaluated.
// Usage: dotnet run -c Release --project tests/ConfigLang.Modules.Benchmarks -- N [N…]
// Run one N per process to read the whole-process peak memory of that size.
using System.Diagnostics;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000, 10000];
var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
var options = ConfigurationQuery.WithModules(new EvaluatorOptions { CurrentDirectory = fixtures });
foreach (var n in sizes)
{
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
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
    Console.WriteLine($"n={n}\t{watch.ElapsedMilliseconds} ms\tpeak working set {peak} MB");
}
return 0;
