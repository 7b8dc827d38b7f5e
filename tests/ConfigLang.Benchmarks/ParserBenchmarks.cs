using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Benchmarks;

/// <summary>Lexer and parser on a generated 1 MB module; the MB/s column is source size over mean time.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParserBenchmarks
{
    public const int SourceLength = 1 << 20;

    private SourceText _source = null!;
    private Token[] _tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        _source = new SourceText(ModuleGenerator.Generate(SourceLength), "module.nix");
        _tokens = new Token[Lexer.EstimateTokenCount(_source)];
        var tree = Parser.Parse(_source);
        if (tree.Diagnostics.Count > 0)
            throw new InvalidOperationException("the generated module must parse cleanly: " + tree.Diagnostics[0].Message);
    }

    /// <summary>Into a reused token array, as the parser does with its pooled one.</summary>
    [Benchmark(Description = "Lexer")]
    public int Lex()
    {
        _tokens = Lexer.Tokenize(_source, new DiagnosticBag(), _tokens, out var count);
        return count;
    }

    [Benchmark(Description = "Parser (syntax only)")]
    public object ParseSyntax() => Parser.ParseSyntaxOnly(_source);

    [Benchmark(Description = "Parser + parse-time checks")]
    public object Parse() => Parser.Parse(_source);

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn(SourceLength));
    }
}
