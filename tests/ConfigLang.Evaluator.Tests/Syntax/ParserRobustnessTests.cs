using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>Broken input of every kind gives diagnostics, never an exception: every prefix of real
/// files and copies with characters dropped or swapped (a fixed seed, so failures reproduce).</summary>
public sealed class ParserRobustnessTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "parse-okay-subversion.nix", "eval-okay-ind-string.nix", "eval-okay-comments.nix", "eval-okay-attrs5.nix", "lib.nix" })
            data.Add(name);
        return data;
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(Samples))]
    public void Every_prefix_parses_or_gives_located_errors(string name)
    {
        var text = File.ReadAllText(Path.Combine(ConformanceCorpus.Directory, name));
        for (var length = 0; length <= text.Length; length += Math.Max(1, text.Length / 300))
            AssertWellBehaved(text[..length]);
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(Samples))]
    public void Mutated_copies_parse_or_give_located_errors(string name)
    {
        var text = File.ReadAllText(Path.Combine(ConformanceCorpus.Directory, name));
        var random = new Random(1234);
        const string alphabet = "{}[]()\"'$;:.,=@?!-+*/<>|&~#\\ \nabx1";
        for (var round = 0; round < 300; round++)
        {
            var chars = text.ToCharArray().ToList();
            for (var edit = 0; edit < 3 && chars.Count > 0; edit++)
            {
                var at = random.Next(chars.Count);
                if (random.Next(2) == 0) chars.RemoveAt(at);
                else chars[at] = alphabet[random.Next(alphabet.Length)];
            }
            AssertWellBehaved(new string(chars.ToArray()));
        }
    }

    private static void AssertWellBehaved(string text)
    {
        var source = new SourceText(text, "mutated.nix");
        var tree = Parser.Parse(source);
        Assert.NotNull(tree.Root);
        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.NotNull(diagnostic.Location);
            Assert.InRange(diagnostic.Location!.Value.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Location.Value.Span.End, 0, text.Length);
        }
        // Rendering must work for every diagnostic, and printing for every clean tree.
        _ = new DiagnosticFormatter().Format(tree.Diagnostics);
        if (!tree.HasErrors) _ = SyntaxPrinter.Print(tree, "/pwd", "/home");
    }
}
