namespace ConfigLang.Evaluator.Tests.Runtime;

public sealed class LazinessTests
{
    [Fact]
    public void Unused_bindings_and_list_elements_are_never_evaluated() =>
        Assert.Equal("2", Evaluate.Value("let broken = throw \"no\"; xs = [ (abort \"no\") 2 ]; in builtins.elemAt xs 1"));

    [Fact]
    public void A_set_can_read_itself_while_it_is_being_computed()
    {
        // What the module system does: config is defined in terms of config.
        const string program = """
            let
              config = { services.nginx = { group = "nginx"; user = config.services.nginx.group; }; };
            in config.services.nginx.user
            """;
        Assert.Equal("\"nginx\"", Evaluate.Value(program));
    }

    [Fact]
    public void Rec_sets_and_let_are_fixed_points() =>
        Assert.Equal("{ a = 1; b = 2; c = 3; }", Evaluate.Value("rec { a = 1; b = a + 1; c = b + 1; }"));

    [Fact]
    public void Lexical_bindings_win_over_with_and_inner_with_wins_over_outer() =>
        Assert.Equal("[ 1 3 ]", Evaluate.Value("let a = 1; in with { a = 2; b = 2; }; with { b = 3; }; [ a b ]"));

    [Fact]
    public void Deep_recursion_ends_in_a_stack_overflow_error_not_a_crash()
    {
        var stderr = Evaluate.Error("let f = n: 1 + f (n + 1); in f 0");

        Assert.StartsWith("error: stack overflow (possible infinite recursion)", stderr);
    }

    [Fact]
    public void Deep_but_bounded_recursion_succeeds() =>
        Assert.Equal("10000", Evaluate.Value("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 10000"));

    // Depths Nix 2.8 evaluates too (it goes further: 120,000 and 40,000): a plain recursion 45,000
    // deep, and nixpkgs' foldr shape (two calls a level) over 24,000 elements.
    [Fact]
    public void A_recursion_45000_deep_succeeds() =>
        Assert.Equal("45000", Evaluate.Value("let f = n: if n == 45000 then n else f (n + 1); in f 0"));

    [Fact]
    public void Nixpkgs_foldr_over_24000_elements_succeeds() =>
        Assert.Equal("287988000", Evaluate.Value(
            "let foldr = op: nul: list: let len = builtins.length list; fold' = n: if n == len then nul else op (builtins.elemAt list n) (fold' (n + 1)); in fold' 0;"
            + " in foldr (a: b: a + b) 0 (builtins.genList (x: x) 24000)"));

    [Fact]
    public void Integer_overflow_is_an_error() =>
        Assert.Contains("integer overflow", Evaluate.Error("9223372036854775807 + 1"));

    [Fact]
    public void Try_eval_catches_throw_and_assert_but_not_abort()
    {
        Assert.Equal("[ false false ]", Evaluate.Value("[ (builtins.tryEval (throw \"x\")).success (builtins.tryEval (assert false; 1)).success ]"));
        Assert.Contains("evaluation aborted", Evaluate.Error("builtins.tryEval (abort \"x\")"));
    }
}
