using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// Inputs that once made the lexer, the parser or its checks quadratic (issue 13). Sizes are
/// such that the quadratic versions took seconds to minutes; the tests check what comes out,
/// and tests/bench/parse-hostile.sh times 1 MB of each.
/// </summary>
public sealed class ParserHostileInputTests
{
    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static SyntaxTree Parse(string text) => Parser.Parse(new SourceText(text, "hostile.nix"));

    [Fact]
    public void A_long_run_of_minus_signs_is_one_token_each_and_then_the_nesting_error()
    {
        var text = new string('-', 100_000) + "1";
        var tokens = LexedTokens.Of(text);
        var count = tokens.Count;

        Assert.Equal(100_000 + 2, count);
        Assert.All(tokens.Take(100_000), t => Assert.Equal(TokenKind.Minus, t.Kind));
        Assert.Equal(TokenKind.Integer, tokens[100_000].Kind);

        var nesting = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal(SyntaxDiagnostics.NestingTooDeepCode, nesting.Code);
        Assert.Equal(1, nesting.Location!.Value.Start.Line);
    }

    [Fact]
    public void A_run_of_path_characters_ending_in_a_colon_is_not_rescanned_for_a_uri_at_each_token()
    {
        // 'a.a.a…a_b:1': no URI (the scheme cannot hold '_'), so identifiers and dots, then 'a_b', ':' and 1.
        var text = "a" + Repeat(".a", 100_000) + "_b:1";
        var tokens = LexedTokens.Of(text);
        var count = tokens.Count;

        Assert.Equal(2 * 100_000 + 1 + 2 + 1, count);
        Assert.Equal("a_b", text.Substring(tokens[count - 4].Start, tokens[count - 4].Length));
        Assert.Equal(TokenKind.Colon, tokens[count - 3].Kind);
    }

    [Fact]
    public void A_run_of_path_characters_before_a_lone_slash_is_not_rescanned_for_a_path_at_each_token()
    {
        // 'a.a.a…a/ ': the '/' starts no path (nothing follows it), so it is a division.
        var text = "a" + Repeat(".a", 100_000) + "/ 2";
        var tokens = LexedTokens.Of(text);
        var count = tokens.Count;

        Assert.Equal(2 * 100_000 + 1 + 2 + 1, count);
        Assert.Equal(TokenKind.Slash, tokens[count - 3].Kind);
    }

    [Fact]
    public void A_select_chain_of_40000_names_is_one_selection()
    {
        var tree = Parse("{a=1;}" + Repeat(".a", 40_000));

        Assert.Empty(tree.Diagnostics);
        var select = Assert.IsType<SelectExpr>(tree.Root);
        Assert.Equal(40_000, select.Path.Names.Count);
        Assert.IsType<AttrSetExpr>(select.Target);
    }

    [Fact]
    public void A_has_attribute_path_of_40000_names_is_one_test()
    {
        var tree = Parse("x: x ? a" + Repeat(".a", 39_999));

        Assert.Empty(tree.Diagnostics);
        var has = Assert.IsType<HasAttrExpr>(Assert.IsType<LambdaExpr>(tree.Root).Body);
        Assert.Equal(40_000, has.Path.Names.Count);
    }

    [Fact]
    public void A_pattern_of_40000_formals_parses_and_its_names_bind_in_the_body()
    {
        var names = Enumerable.Range(1, 40_000).Select(i => $"a{i}").ToArray();
        var tree = Parse("{ " + string.Join(", ", names) + " }: [ a1 a40000 a20000 undefinedName ]");

        var undefined = Assert.Single(tree.Diagnostics);
        Assert.Equal(SyntaxDiagnostics.UndefinedVariableCode, undefined.Code);
        Assert.Contains("'undefinedName'", undefined.Message);
        Assert.Equal(40_000, Assert.IsType<LambdaExpr>(tree.Root).Formals!.Items.Count);
    }

    [Fact]
    public void A_long_pattern_reports_each_repeated_formal_once()
    {
        var names = Enumerable.Range(1, 40_000).Select(i => $"a{i}").Append("a7").Append("a39999").Append("a7");
        var tree = Parse("{ " + string.Join(", ", names) + " }: 1");

        var duplicates = tree.Diagnostics.Where(d => d.Code == SyntaxDiagnostics.DuplicateFormalCode).Select(d => d.Message).ToArray();
        Assert.Equal(
            ["duplicate formal function argument 'a7'", "duplicate formal function argument 'a39999'", "duplicate formal function argument 'a7'"],
            duplicates);
    }

    [Fact]
    public void The_at_name_repeating_one_of_a_long_pattern_is_reported()
    {
        var names = Enumerable.Range(1, 1_000).Select(i => $"a{i}");
        var tree = Parse("{ " + string.Join(", ", names) + " }@a500: 1");

        Assert.Equal(SyntaxDiagnostics.DuplicateFormalCode, Assert.Single(tree.Diagnostics).Code);
    }

    [Fact]
    public void Ten_thousand_duplicate_attributes_are_each_reported_with_a_short_message()
    {
        var tree = Parse("{" + Repeat("a=1;", 10_000) + "}");

        Assert.Equal(9_999, tree.Diagnostics.Count);
        Assert.All(tree.Diagnostics, d => Assert.Equal("attribute 'a' already defined at hostile.nix:1:2", d.Message));
    }

    [Fact]
    public void A_name_quoted_in_a_message_is_cut()
    {
        var name = new string('x', 50_000);
        var tree = Parse($"[ {name} ]");

        var message = Assert.Single(tree.Diagnostics).Message;
        Assert.True(message.Length < 200, message.Length.ToString());
        Assert.Contains(SourceExcerpt.Ellipsis, message);
    }

    [Fact]
    public void Long_flat_constructs_parse_to_the_right_tree()
    {
        var list = Assert.IsType<ListExpr>(Parse("[" + Repeat(" 1", 100_000) + " ]").Root);
        Assert.Equal(100_000, list.Items.Count);

        var set = Assert.IsType<AttrSetExpr>(Parse("{" + string.Concat(Enumerable.Range(1, 50_000).Select(i => $" a{i} = {i};")) + " }").Root);
        Assert.Equal(50_000, set.Bindings.Count);

        var str = Assert.IsType<StringExpr>(Assert.IsType<LetExpr>(Parse("let x = \"a\"; in \"" + Repeat("${x}", 50_000) + "\"").Root).Body);
        Assert.Equal(50_000, str.Parts.Count);
    }

    public static TheoryData<string, string> ScopesAroundManyVariables() => new()
    {
        { "lets", Repeat("let a = 1; in ", 950) + "[" + Repeat(" x", 100_000) + " y ]" },
        { "functions", Repeat("a: ", 950) + "[" + Repeat(" x", 100_000) + " y ]" },
        // A path extending a 'rec' literal (once left to a second checker, walking the tree).
        { "rec-extended", "y: { r = rec { }; r.b = 1; c = " + Repeat("let a = 1; in ", 950) + "[" + Repeat(" x", 100_000) + " y ]; }" },
    };

    /// <summary>Each closing scope once tested every free variable noted inside it (and a tree walk
    /// searched every enclosing scope for each variable): depth times variables.</summary>
    [Theory]
    [MemberData(nameof(ScopesAroundManyVariables))]
    public void Deeply_nested_scopes_around_many_variables_are_checked_once_each(string shape, string text)
    {
        _ = shape;
        var tree = Parse(text);

        var undefined = tree.Diagnostics.Where(d => d.Code == SyntaxDiagnostics.UndefinedVariableCode).ToArray();
        var y = shape == "rec-extended" ? 0 : 1;
        Assert.Equal(100_000 + y, undefined.Length);
        Assert.Equal(100_000, undefined.Count(d => d.Message == "undefined variable 'x'"));

        // Lowering resolves through the same scopes: evaluation stops at the first of them.
        var evaluator = new ConfigEvaluator(new EvaluatorOptions { CurrentDirectory = Path.GetTempPath() });
        var failure = Assert.Throws<EvaluationException>(() => evaluator.Run(interpreter => interpreter.Evaluate(tree.Source, Path.GetTempPath())));
        Assert.Equal(undefined[0].Code, failure.Diagnostic.Code);
        Assert.Equal(undefined[0].Location, failure.Diagnostic.Location);
    }
}
