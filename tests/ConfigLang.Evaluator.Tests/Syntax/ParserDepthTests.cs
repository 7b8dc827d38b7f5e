using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>Deep nesting gives a diagnostic, never a stack overflow (which would kill the process).</summary>
public sealed class ParserDepthTests
{
    private const int Huge = 200_000;

    public static TheoryData<string, string> DeepInputs() => new()
    {
        { "brackets", new string('[', Huge) },
        { "closed brackets", new string('[', Huge) + new string(']', Huge) },
        { "parentheses", new string('(', Huge) + "1" + new string(')', Huge) },
        { "sets", string.Concat(Enumerable.Repeat("{a=", Huge)) + "1" + string.Concat(Enumerable.Repeat(";}", Huge)) },
        { "negations", string.Concat(Enumerable.Repeat("- ", Huge)) + "1" },
        { "lambdas", string.Concat(Enumerable.Repeat("a: ", Huge)) + "a" },
        { "right-associative operators", string.Join(" ++ ", Enumerable.Repeat("[ ]", Huge)) },
        { "left-associative operators", string.Join(" + ", Enumerable.Repeat("1", Huge)) },
        { "applications", "f" + string.Concat(Enumerable.Repeat(" 1", Huge)) },
        { "interpolations", string.Concat(Enumerable.Repeat("\"${", Huge)) },
        { "let chains", string.Concat(Enumerable.Repeat("let a = 1; in ", Huge)) + "a" },
    };

    [Theory]
    [MemberData(nameof(DeepInputs))]
    public void Nesting_beyond_the_limit_is_one_located_diagnostic(string shape, string text)
    {
        _ = shape;
        var tree = Parser.Parse(new SourceText(text, "deep.nix"));

        var diagnostic = Assert.Single(tree.Diagnostics, d => d.Code == SyntaxDiagnostics.NestingTooDeepCode);
        Assert.NotNull(diagnostic.Location);
        Assert.True(tree.Diagnostics.Count <= 3, $"expected no cascade, got {tree.Diagnostics.Count} diagnostics");
    }

    [Fact]
    public void Nesting_below_the_limit_parses_checks_and_prints()
    {
        const int depth = 400;
        var text = new string('(', depth) + "[ { a = 1; } ]" + new string(')', depth);

        var tree = Parser.Parse(new SourceText(text, "deep.nix"));

        Assert.Empty(tree.Diagnostics);
        Assert.Equal("[ ({ a = 1; }) ]", SyntaxPrinter.Print(tree, "/"));
    }
}
