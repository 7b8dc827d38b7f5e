using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The parse-time checks are made while parsing (bottom-up, as each scope closes); the
/// tree-walking <see cref="StaticChecker"/> stays for the files those do not model. Both must
/// find the same: compared on every file of the Nix corpus and on the cases where scopes are
/// subtle.
/// </summary>
public sealed class ParseTimeCheckTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ConformanceCorpus.Directory, "*.nix", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ConformanceCorpus.Directory, file));
        return data;
    }

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(CorpusFiles))]
    public void Checks_made_while_parsing_find_what_the_tree_walk_finds_in_the_corpus(string name)
    {
        var path = Path.Combine(ConformanceCorpus.Directory, name);
        AssertSameFindings(new SourceText(File.ReadAllText(path), path));
    }

    [Theory]
    // A path extends a rec literal: its names are in scope for the extension (the walk's case).
    [InlineData("rec { a = rec { b = 1; }; a.c = b; }", new string[0])]
    [InlineData("{ a = rec { b = 1; }; a.c = b; }", new string[0])]
    [InlineData("{ a = { b = 1; }; a.c = b; }", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    // Duplicates inside a literal that a later path extends are reported once.
    [InlineData("{ a = { b = 1; b = 2; }; a.c = 3; }", new[] { SyntaxDiagnostics.DuplicateAttributeCode })]
    [InlineData("{ a = { b = 1; }; a = { b = 2; }; }", new[] { SyntaxDiagnostics.DuplicateAttributeCode })]
    [InlineData("{ a.b = 1; a = { c = x; }; }", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    // 'inherit x;' takes x from around the set, even a recursive one or a let.
    [InlineData("rec { inherit a; b = 1; }", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("let inherit b; c = 1; in c", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("let a = { inherit b; }; b = 1; in a", new string[0])]
    [InlineData("b: rec { inherit b; c = b; }", new string[0])]
    // 'inherit (e) a b;' checks e once.
    [InlineData("{ inherit (x) a b; }", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("rec { inherit (s) a; s = { a = 1; }; }", new string[0])]
    // Functions: defaults see the formals; the '@' name binds too.
    [InlineData("{ a ? b, b ? 1 }: a", new string[0])]
    [InlineData("args @ { a ? args.b, ... }: a", new string[0])]
    [InlineData("{ a, a }: a", new[] { SyntaxDiagnostics.DuplicateFormalCode })]
    [InlineData("x: { y }: z", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    // with: its body's free names are left to evaluation, not its scope's.
    [InlineData("with x; y", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("let s = {}; in with s; { a = y; inherit z; }", new string[0])]
    // let binds in its values and body; a plain set does not bind in its values.
    [InlineData("let a = b; b = 1; in a + c", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("{ a = 1; b = a; }", new[] { SyntaxDiagnostics.UndefinedVariableCode })]
    [InlineData("let { a = 1; body = a; }", new string[0])]
    [InlineData("x: let ${x} = 1; in 2", new[] { SyntaxDiagnostics.DynamicAttributeNotAllowedCode })]
    [InlineData("f or", new[] { SyntaxDiagnostics.UndefinedVariableCode, SyntaxDiagnostics.UndefinedVariableCode })]
    public void Checks_made_while_parsing_find_what_the_tree_walk_finds(string text, string[] codes)
    {
        var source = new SourceText(text, "case.nix");
        AssertSameFindings(source);
        Assert.Equal(codes, Parser.Parse(source).Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Broken_syntax_reports_only_the_syntax_errors()
    {
        var tree = Parser.Parse(new SourceText("{ a = x; a = 1; b = ; }", "case.nix"));
        Assert.NotEmpty(tree.Diagnostics);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code is SyntaxDiagnostics.UndefinedVariableCode or SyntaxDiagnostics.DuplicateAttributeCode);
    }

    private static void AssertSameFindings(SourceText source)
    {
        var whileParsing = Parser.Parse(source).Diagnostics;
        var syntax = Parser.ParseSyntaxOnly(source);
        var walked = new DiagnosticBag();
        foreach (var diagnostic in syntax.Diagnostics) walked.Add(diagnostic);
        if (!walked.HasErrors) StaticChecker.Check(source, syntax.Root, walked);
        var expected = walked.Items.OrderBy(d => d.Location?.Span.Start ?? 0).Select(Describe).ToList();
        Assert.Equal(expected, whileParsing.Select(Describe).ToList());
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Code} {diagnostic.Location?.Span.Start}+{diagnostic.Location?.Span.Length}: {diagnostic.Message}";
}
