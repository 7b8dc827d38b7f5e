using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>Malformed inputs (Corpus/parser/error/*.nix) and the rendered diagnostics each must
/// give (*.expected): what a person sees for each kind of mistake.</summary>
public sealed class ParserErrorGoldenTests
{
    private static readonly string Folder = GoldenFiles.CorpusDirectory("parser", "error");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.nix").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_cases() => Assert.True(Cases().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_the_expected_diagnostics(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name));
        var tree = Parser.Parse(new SourceText(text, name));

        Assert.True(tree.HasErrors, "a malformed input must give an error");
        Assert.All(tree.Diagnostics, d => Assert.NotNull(d.Location));
        var rendered = new DiagnosticFormatter().Format(tree.Diagnostics);
        GoldenFiles.AssertMatches(Path.Combine(Folder, Path.ChangeExtension(name, ".expected")), rendered);
    }
}
