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
        // Written without spaces these are one run of path characters for the lexer.
        { "negations without spaces", new string('-', Huge) + "1" },
        { "nots", new string('!', Huge) + "true" },
        // 'a.b or c.d or …' nests to the right: this one made --parse overflow the stack.
        { "'or' fallbacks", string.Concat(Enumerable.Repeat("{}.a or ", 87_500)) + "1" },
        // Each name of a binding's path nests a set.
        { "attribute path of a binding", "{ a" + string.Concat(Enumerable.Repeat(".a", Huge)) + " = 1; }" },
        // Short left-associative chains inside parentheses: no chain and no parenthesis is deep
        // on its own, but the tree is 400 x 190 levels deep.
        { "chains in parentheses", ChainsInParentheses(400, 190, "+1") },
        { "applications in parentheses", "x: " + ChainsInParentheses(400, 190, " x") },
    };

    private static string ChainsInParentheses(int levels, int chain, string link)
    {
        var text = "1";
        for (var i = 0; i < levels; i++) text = "(" + text + ")" + string.Concat(Enumerable.Repeat(link, chain));
        return text;
    }

    /// <summary>Just below the limit, each kind of nesting parses, checks and prints on a thread
    /// with a 4 MB stack (half of a Linux main thread's): the tree's height, which the limit
    /// bounds, is what every walk recurses on.</summary>
    public static TheoryData<string, string> DeepButAllowed() => new()
    {
        { "parentheses", new string('(', 470) + "1" + new string(')', 470) },
        { "left-associative operators", "1" + string.Concat(Enumerable.Repeat(" + 1", 950)) },
        { "applications", "(x: x)" + string.Concat(Enumerable.Repeat(" (x: x)", 950)) },
        { "'or' fallbacks", string.Concat(Enumerable.Repeat("{}.a or ", 470)) + "1" },
        { "attribute path of a binding", "{ a" + string.Concat(Enumerable.Repeat(".a", 950)) + " = 1; }" },
        { "nested lists", new string('[', 950) + new string(']', 950) },
        { "lets", string.Concat(Enumerable.Repeat("let a = 1; in ", 950)) + "a" },
        { "chains in parentheses", ChainsInParentheses(4, 190, "+1") },
    };

    [Theory]
    [MemberData(nameof(DeepButAllowed))]
    public void Nesting_just_below_the_limit_parses_checks_and_prints_on_an_ordinary_stack(string shape, string text)
    {
        _ = shape;
        string? printed = null;
        IReadOnlyList<Diagnostic>? diagnostics = null;
        var thread = new Thread(() =>
        {
            var tree = Parser.Parse(new SourceText(text, "deep.nix"));
            diagnostics = tree.Diagnostics;
            printed = SyntaxPrinter.Print(tree, "/");
        }, 4 * 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Empty(diagnostics!);
        Assert.False(string.IsNullOrEmpty(printed));
    }

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
