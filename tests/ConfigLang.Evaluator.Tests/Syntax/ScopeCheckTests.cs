using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// One resolver (<see cref="ScopeResolver"/>) makes the parse-time checks (<c>eval --parse</c>,
/// lint) and resolves names for evaluation; what differs is only the outer scope (the names Nix
/// binds globally, or the interpreter's real global frame). So a scope mistake is the same
/// diagnostic both ways: same code, message and location, compared on every file of the Nix
/// corpus and on the cases where scopes are subtle. (Before, the checks made while parsing were
/// compared with a second, tree-walking checker; both are gone.)
/// </summary>
public sealed class ScopeCheckTests
{
    private static readonly string[] ScopeCodes =
    [
        SyntaxDiagnostics.UndefinedVariableCode, SyntaxDiagnostics.DuplicateAttributeCode,
        SyntaxDiagnostics.DuplicateFormalCode, SyntaxDiagnostics.DynamicAttributeNotAllowedCode,
    ];

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ConformanceCorpus.Directory, "*.nix", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ConformanceCorpus.Directory, file));
        return data;
    }

    /// <summary>
    /// ConfigLang against itself over the corpus's 502 files (parse-time checks against evaluation):
    /// a regression test, not conformance, so it is categorised apart from the corpus results.
    /// </summary>
    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(CorpusFiles))]
    [Trait("Category", "SelfConsistency")]
    public void Evaluation_reports_the_first_scope_mistake_the_parse_time_checks_report_in_the_corpus(string name)
    {
        var path = Path.Combine(ConformanceCorpus.Directory, name);
        AssertEvaluationAgrees(new SourceText(File.ReadAllText(path), path), Path.GetDirectoryName(path)!);
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
    public void Parse_time_checks_and_evaluation_find_the_same_scope_mistakes(string text, string[] codes)
    {
        var source = new SourceText(text, "case.nix");
        Assert.Equal(codes, Parser.Parse(source).Diagnostics.Select(d => d.Code));
        AssertEvaluationAgrees(source, Path.GetTempPath());
    }

    [Fact]
    public void Broken_syntax_reports_only_the_syntax_errors()
    {
        var tree = Parser.Parse(new SourceText("{ a = x; a = 1; b = ; }", "case.nix"));
        Assert.NotEmpty(tree.Diagnostics);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code is SyntaxDiagnostics.UndefinedVariableCode or SyntaxDiagnostics.DuplicateAttributeCode);
    }

    [Theory]
    // Nix: "attribute 'a' already defined at «string»:1:3", at the second definition.
    [InlineData("{ a = 1; a = 2; }", "attribute 'a' already defined at case.nix:1:3", 9)]
    [InlineData("let x = 1; x = 2; in x", "attribute 'x' already defined at case.nix:1:5", 11)]
    [InlineData("{ a.b = 1; a.b = 2; }", "attribute 'a.b' already defined at case.nix:1:3", 11)]
    // The corpus's parse-fail-mixed-nested-attrs1: the first 'x.z' is named by its whole path.
    [InlineData("{ x.z = 3; x = { y = 3; z = 3; }; }", "attribute 'x.z' already defined at case.nix:1:3", 24)]
    [InlineData("rec { x = 1; inherit (s) x; }", "attribute 'x' already defined at case.nix:1:7", 25)]
    public void Already_defined_names_the_first_definition_as_Nix_does(string text, string message, int offset)
    {
        var source = new SourceText(text, "case.nix");
        var diagnostic = Assert.Single(Parser.Parse(source).Diagnostics);
        Assert.Equal(SyntaxDiagnostics.DuplicateAttributeCode, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(offset, diagnostic.Location!.Value.Span.Start);
        AssertEvaluationAgrees(source, Path.GetTempPath());
    }

    [Fact]
    public void A_dynamic_name_given_twice_names_the_first_definition_as_Nix_does()
    {
        // nix-instantiate: "dynamic attribute 'a' already defined at (string):1:19", at «string»:1:26.
        var result = Runtime.Evaluate.Run("let b = \"a\"; in { a = 1; ${b} = 2; }");

        Assert.Equal(SyntaxDiagnostics.DuplicateAttributeCode, result.Error!.Code);
        Assert.Equal("dynamic attribute 'a' already defined at «string»:1:19", result.Error.Message);
        Assert.Equal(new LinePosition(1, 26), result.Error.Location!.Value.Start);
    }

    /// <summary>Evaluating <paramref name="source"/> fails with exactly the first scope mistake the
    /// parse-time checks find (in source order), or, when they find none, not with a mistake
    /// found before evaluation starts.</summary>
    private static void AssertEvaluationAgrees(SourceText source, string directory)
    {
        var found = Parser.Parse(source).Diagnostics;
        if (found.Any(d => d.IsError && !ScopeCodes.Contains(d.Code))) return;
        var evaluator = new ConfigEvaluator(new EvaluatorOptions { CurrentDirectory = directory, EnvironmentVariables = new Dictionary<string, string>() });
        Diagnostic? failure = null;
        try
        {
            evaluator.Run(interpreter => interpreter.Evaluate(source, directory));
        }
        catch (EvaluationException e)
        {
            failure = e.Diagnostic;
        }
        var first = found.FirstOrDefault(d => d.IsError);
        if (first is null)
        {
            // Nothing to find before evaluation: only running the code may fail, with a name no
            // 'with' provides or a dynamic name given twice.
            Assert.False(failure is { Code: SyntaxDiagnostics.DuplicateFormalCode or SyntaxDiagnostics.DynamicAttributeNotAllowedCode }, failure is null ? "" : Describe(failure));
            Assert.False(failure is { Code: SyntaxDiagnostics.DuplicateAttributeCode } && !failure.Message.StartsWith("dynamic attribute", StringComparison.Ordinal), failure is null ? "" : Describe(failure));
            return;
        }
        Assert.NotNull(failure);
        Assert.Equal(Describe(first), Describe(failure!));
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Code} {diagnostic.Location?.Span.Start}+{diagnostic.Location?.Span.Length}: {diagnostic.Message}";
}
