using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>Every Nix snippet of the NixOS wiki page on ACME (Corpus/seeds/acme-wiki) parses.</summary>
public sealed class SeedSnippetTests
{
    private static readonly string Folder = GoldenFiles.CorpusDirectory("seeds", "acme-wiki");

    // Free in the snippets: the module arguments and the page's own placeholders.
    private static readonly string[] FreeNames = ["config", "pkgs", "domainName", "sslCertDir"];

    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.nix").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Every_snippet_of_the_page_is_kept() => Assert.Equal(11, Snippets().Count);

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_parses(string name)
    {
        var tree = Parser.Parse(SourceText.FromFile(Path.Combine(Folder, name)));

        var unexpected = tree.Diagnostics.Where(d => !(d.Code == SyntaxDiagnostics.UndefinedVariableCode && FreeNames.Any(n => d.Message == $"undefined variable '{n}'")));
        Assert.Empty(unexpected.Select(d => $"{d.Location}: {d.Message}"));
    }
}
