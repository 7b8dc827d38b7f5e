using System.Diagnostics;
using BenchmarkDotNet.Running;
using ConfigLang.Benchmarks;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

// dotnet run -c Release --project tests/ConfigLang.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/ConfigLang.Benchmarks -- --quick   (a plain timing loop, no BenchmarkDotNet)
if (args is ["--quick", ..])
{
    var length = args.Length > 1 ? int.Parse(args[1]) : ParserBenchmarks.SourceLength;
    var source = new SourceText(ModuleGenerator.Generate(length), "module.nix");
    var buffer = new Token[Lexer.EstimateTokenCount(source)];
    for (var round = 0; round < 5; round++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) buffer = Lexer.Tokenize(source, new DiagnosticBag(), buffer, out _);
        var lex = watch.Elapsed.TotalMilliseconds / 10;
        watch.Restart();
        for (var i = 0; i < 10; i++) Parser.ParseSyntaxOnly(source);
        var parse = watch.Elapsed.TotalMilliseconds / 10;
        Console.WriteLine($"lex {lex:F1} ms ({source.Length / 1048576.0 / (lex / 1000):F0} MB/s), parse {parse:F1} ms ({source.Length / 1048576.0 / (parse / 1000):F0} MB/s)");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
