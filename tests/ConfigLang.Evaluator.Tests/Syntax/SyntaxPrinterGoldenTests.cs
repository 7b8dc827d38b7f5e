using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The printer against <c>nix-instantiate --parse</c> of Nix 2.8. The expected files were made
/// once with Nix itself (see Corpus/printer/README.md), with the file's directory written as
/// <c>/pwd</c> and <c>HOME=/fake-home</c>; the tests do not run Nix.
/// </summary>
public sealed class SyntaxPrinterGoldenTests
{
    private static readonly string NixLangGoldens = GoldenFiles.CorpusDirectory("printer", "nix-lang");
    private static readonly string Snippets = GoldenFiles.CorpusDirectory("printer", "snippets");

    public static TheoryData<string> NixLangCases() => Names(NixLangGoldens, "*.expected");

    public static TheoryData<string> SnippetCases() => Names(Snippets, "*.nix");

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(NixLangCases))]
    public void Prints_the_nix_corpus_as_nix_does(string name)
    {
        var source = SourceText.FromFile(Path.Combine(ConformanceCorpus.Directory, Path.ChangeExtension(name, ".nix")));
        var printed = Print(source, "/pwd/lang");
        Assert.Equal(File.ReadAllText(Path.Combine(NixLangGoldens, name)), printed);
    }

    [Theory]
    [MemberData(nameof(SnippetCases))]
    public void Prints_grammar_snippets_as_nix_does(string name)
    {
        var source = SourceText.FromFile(Path.Combine(Snippets, name));
        var printed = Print(source, "/pwd");
        Assert.Equal(File.ReadAllText(Path.Combine(Snippets, Path.ChangeExtension(name, ".expected"))), printed);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(3.0, "3")]
    [InlineData(123456.7, "123457")]
    [InlineData(1234567.0, "1.23457e+06")]
    [InlineData(0.000001, "1e-06")]
    [InlineData(2.25e10, "2.25e+10")]
    [InlineData(0.0001, "0.0001")]
    public void Formats_floats_like_cpp_streams(double value, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.FormatFloat(value));

    private static string Print(SourceText source, string baseDirectory)
    {
        var tree = Parser.Parse(source);
        Assert.False(tree.HasErrors, string.Join("\n", tree.Diagnostics.Select(d => d.Message)));
        return SyntaxPrinter.Print(tree, baseDirectory, home: "/fake-home") + "\n";
    }

    private static TheoryData<string> Names(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }
}
