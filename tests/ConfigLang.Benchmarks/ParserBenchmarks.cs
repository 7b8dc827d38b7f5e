using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Benchmarks;

/// <summary>
/// Lexer and parser on a generated 1 MB module; the MB/s column is source size over median time.
/// The heap is the runtime's default one, as in the CLI.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParserBenchmarks
{
    public const int SourceLength = 1 << 20;

    private SourceText _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = new SourceText(ModuleGenerator.Generate(SourceLength), "module.nix");
        var tree = Parser.Parse(_source);
        if (tree.Diagnostics.Count > 0)
            throw new InvalidOperationException("the generated module must parse cleanly: " + tree.Diagnostics[0].Message);
    }

    [Benchmark(Description = "Lexer")]
    public int Lex() => LexAsTheParserDoes(_source);

    /// <summary>
    /// Lexes the whole source through the window the parser reads from: the streaming lexer asked for
    /// more a step at a time, and the tokens read dropped once they fill half its buffer, as
    /// Parser.Fill does (so the buffer stays at its first size). Returns the number of tokens.
    /// </summary>
    public static int LexAsTheParserDoes(SourceText source)
    {
        var lexer = Lexer.Streaming(source, new DiagnosticBag());
        var dropped = 0;
        while (lexer.LexMore())
        {
            if (lexer.Count >= lexer.Buffer.Length / 2) dropped += lexer.Drop(lexer.Count);
        }
        return dropped + lexer.Count;
    }

    [Benchmark(Description = "Parser (syntax only)")]
    public object ParseSyntax() => Parser.ParseSyntaxOnly(_source);

    [Benchmark(Description = "Parser + parse-time checks")]
    public object Parse() => Parser.Parse(_source);

    /// <summary>
    /// The same parse inside a GC no-collection region, kept to show why the parser does not use
    /// one (see the note in Parser.ParseTree): starting the region forces a gen2 collection and
    /// the region's memory comes back as fresh pages each time, which costs more than the
    /// collections it avoids.
    /// </summary>
    [Benchmark(Description = "Parser (syntax only) in a no-GC region")]
    public object ParseSyntaxInNoGcRegion()
    {
        // 16 bytes per character: the parse allocates about 9.5 (MemoryDiagnoser), tokens 3.
        var started = GC.TryStartNoGCRegion(16L * _source.Length + (1 << 20), disallowFullBlockingGC: true);
        try
        {
            return Parser.ParseSyntaxOnly(_source);
        }
        finally
        {
            if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(StatisticColumn.Median, new ThroughputColumn(SourceLength));
    }
}
