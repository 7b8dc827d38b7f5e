using System.Text.RegularExpressions;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>The parse cases of the Nix corpus: parse-okay parses, parse-fail fails with a located
/// error, every eval-okay file (and what it imports) parses, every eval-fail file parses or fails
/// with a located error.</summary>
public sealed class ConformanceParseTests
{
    public static TheoryData<string> ParseOkay => ConformanceCorpus.Files("parse-okay-*.nix");
    public static TheoryData<string> ParseFail => ConformanceCorpus.Files("parse-fail-*.nix");
    public static TheoryData<string> EvalOkay => ConformanceCorpus.Files("eval-okay-*.nix");
    public static TheoryData<string> EvalFail => ConformanceCorpus.Files("eval-fail-*.nix");
    public static TheoryData<string> Imported => ConformanceCorpus.ImportedFiles();

    [CorpusFact(SharedCorpus.NixLang)]
    public void Corpus_has_the_expected_number_of_parse_cases()
    {
        Assert.Equal(13, ParseOkay.Count);
        Assert.Equal(41, ParseFail.Count);
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(ParseOkay))]
    public void Parse_okay_files_parse_without_diagnostics(string name) => AssertParses(name);

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(EvalOkay))]
    public void Eval_okay_files_parse_without_diagnostics(string name) => AssertParses(name);

    // eval-okay-import.nix loads these with scopedImport, which supplies their free variables.
    private static readonly string[] ScopedImported = ["imported.nix", "imported2.nix"];

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(Imported))]
    public void Files_imported_by_the_tests_parse_without_diagnostics(string name)
    {
        if (!ScopedImported.Contains(name))
        {
            AssertParses(name);
            return;
        }
        var tree = Parser.ParseSyntaxOnly(SourceText.FromFile(Path.Combine(ConformanceCorpus.Directory, name)));
        Assert.False(tree.HasErrors, string.Join("\n", tree.Diagnostics.Select(d => $"{d.Location}: {d.Message}")));
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(ParseFail))]
    public void Parse_fail_files_give_a_located_error(string name)
    {
        var tree = Parse(name);
        Assert.True(tree.HasErrors, "expected a syntax error");
        AssertLocated(tree);

        // Nix's own message (.err.exp) names the position: the first error must point there too.
        var expected = Path.Combine(ConformanceCorpus.Directory, Path.ChangeExtension(name, ".err.exp"));
        var match = Regex.Match(File.ReadAllText(expected), @"«stdin»:(\d+):(\d+):");
        Assert.True(match.Success, "the corpus gives the position");
        var position = new LinePosition(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
        Assert.Equal(position, tree.Diagnostics.First(d => d.IsError).Location!.Value.Start);
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(EvalFail))]
    public void Eval_fail_files_parse_or_give_a_located_error(string name)
    {
        var tree = Parse(name);
        AssertLocated(tree);
    }

    private static void AssertParses(string name)
    {
        var tree = Parse(name);
        Assert.False(tree.HasErrors, string.Join("\n", tree.Diagnostics.Select(d => $"{d.Location}: {d.Message}")));
    }

    private static void AssertLocated(SyntaxTree tree)
    {
        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.NotNull(diagnostic.Location);
            Assert.Same(tree.Source, diagnostic.Location!.Value.Source);
            Assert.InRange(diagnostic.Location.Value.Span.Start, 0, tree.Source.Length);
        }
    }

    private static SyntaxTree Parse(string name) =>
        Parser.Parse(SourceText.FromFile(Path.Combine(ConformanceCorpus.Directory, name)));
}
