using System.Diagnostics;
using BenchmarkDotNet.Running;
using ConfigLang.Benchmarks;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

// dotnet run -c Release --project tests/ConfigLang.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/ConfigLang.Benchmarks -- --quick [length] [rounds]
//   (a plain timing loop without BenchmarkDotNet; also prints MB/s by processor time, bytes
//   allocated per source MB, gen0/gen1/gen2 collections and GC pause time per operation,
//   which depend less or not at all on how busy the machine is)
if (args is ["--quick", ..])
{
    var length = args.Length > 1 ? int.Parse(args[1]) : ParserBenchmarks.SourceLength;
    var rounds = args.Length > 2 ? int.Parse(args[2]) : 5;
    var source = new SourceText(ModuleGenerator.Generate(length), "module.nix");
    var megabytes = source.Length / 1048576.0;
    for (var round = 0; round < rounds; round++)
    {
        var lex = Measure(() => ParserBenchmarks.LexAsTheParserDoes(source));
        var syntax = Measure(() => Parser.ParseSyntaxOnly(source));
        var full = Measure(() => Parser.Parse(source));
        var tree = Parser.ParseSyntaxOnly(source);
        var checks = Measure(() => ScopeResolver.Check(source, tree.Root, new DiagnosticBag()));
        Console.WriteLine($"lex {lex}  | syntax only {syntax}  | with checks {full}  | the checks alone {checks}");
    }
    return;

    string Measure(Action action)
    {
        const int iterations = 10;
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) action();
        var ms = watch.Elapsed.TotalMilliseconds / iterations;
        // Processor time is steadier than wall time on a busy machine (the garbage collector is
        // non-concurrent, so it runs on this thread and counts too).
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        var perMb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)iterations / megabytes / 1048576.0;
        // How much of the time the collector had the threads stopped (copying the surviving tree).
        var pauseMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / iterations;
        return $"{ms,6:F1} ms {megabytes / (ms / 1000),5:F0} MB/s (cpu {megabytes / (cpuMs / 1000),5:F0} MB/s) {perMb,5:F2} MB/MB " +
               $"gc {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2} pause {pauseMs,4:F1} ms";
    }
}
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
