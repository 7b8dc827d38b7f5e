using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// An attribute defined through a dotted path (<c>a.b.c = v;</c>) is placed by Nix 2.8 at the start of the
/// path, for every name of it; lint and the module system keep the name's own place. Expected values are
/// Nix 2.8's (<c>nix-instantiate --eval --strict -E</c>), hard-coded.
/// </summary>
public sealed class AttributePathPositionTests
{
    private static string Eval(string expression) =>
        Evaluate.Request(new EvaluationRequest { Expression = expression, Strict = true }).Stdout;

    [Fact]
    public void A_name_at_the_end_of_a_path_is_at_the_path_s_start() =>
        Assert.Equal("11\n", Eval("let x = { a.b = 1; }; in (builtins.unsafeGetAttrPos \"b\" x.a).column"));

    [Fact]
    public void Every_name_of_a_longer_path_is_at_its_start() =>
        Assert.Equal("[ 11 11 ]\n", Eval("let x = { a.b.c = 1; }; in [ (builtins.unsafeGetAttrPos \"b\" x.a).column (builtins.unsafeGetAttrPos \"c\" x.a.b).column ]"));

    [Fact]
    public void A_set_written_whole_keeps_its_names_where_a_later_path_adds_one_at_the_path() =>
        Assert.Equal("[ 17 27 ]\n", Eval("let x = { a = { b = 1; }; a.c = 2; }; in map (n: (builtins.unsafeGetAttrPos n x.a).column) [ \"b\" \"c\" ]"));

    [Fact]
    public void A_computed_name_in_a_path_is_at_the_path_s_start() =>
        Assert.Equal("11\n", Eval("let x = { a.${\"d\"} = 1; }; in (builtins.unsafeGetAttrPos \"d\" x.a).column"));

    [Fact]
    public void A_path_in_a_let_is_at_its_start() =>
        Assert.Equal("5\n", Eval("let a.b = 1; in (builtins.unsafeGetAttrPos \"b\" a).column"));

    [Fact]
    public void Xml_places_the_attribute_at_the_path_s_start()
    {
        var result = Evaluate.Request(new EvaluationRequest { Expression = "{ a.b = 1; }", Strict = true, Output = EvaluationOutput.Xml });

        Assert.Contains("<attr column=\"3\" line=\"1\" name=\"b\"", result.Stdout);
    }

    [Fact]
    public void Lint_s_frame_keeps_the_name_itself()
    {
        var trace = Evaluate.ErrorWithAllFrames("{\n  a.b = 1 + \"x\";\n}");

        Assert.Contains("while evaluating the attribute 'b' at «string»:2:5", trace);
    }

    [Fact]
    public void An_attribute_of_a_path_has_one_frame_which_eval_prints_at_the_path_s_start()
    {
        const string program = "{\n  a.b = 1 + \"x\";\n}";

        // One frame, not one for lint and one for eval: a deep recursion's trace keeps as many attributes as before.
        var frames = Evaluate.ErrorWithAllFrames(program).Split('\n').Where(line => line.StartsWith("while evaluating the attribute 'b'"));
        Assert.Single(frames);
        Assert.Contains("at «string»:2:3:", Evaluate.ErrorWithTrace(program));
    }
}
