using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>concatStringsSep</c> measures its elements first and copies them once, reading strings back
/// from the list and keeping only what other elements coerced to; string values keep their context
/// and the symbol of their text in one field. Results, contexts and errors must be Nix 2.8's.
/// </summary>
public sealed class StringJoiningTests
{
    private const string WithContext = "let d = derivation { name = \"x\"; system = \"s\"; builder = \"/b\"; }; s = \"${d}\"; in ";

    [Fact]
    public void Elements_that_are_not_strings_are_coerced_in_place()
    {
        Assert.Equal("\"a,b,o,c\"", Evaluate.Value(
            "builtins.concatStringsSep \",\" [ \"a\" { __toString = _: \"b\"; } { outPath = \"o\"; } \"c\" ]"));
        Assert.Equal("\"\"", Evaluate.Value("builtins.concatStringsSep \"-\" []"));
        Assert.Equal("\"x\"", Evaluate.Value("builtins.concatStringsSep \"-\" [ \"x\" ]"));
        Assert.Equal("\"1--2--3\"", Evaluate.Value("builtins.concatStringsSep \"--\" (map toString [ 1 2 3 ])"));
    }

    [Fact]
    public void The_context_of_the_separator_and_of_every_element_is_kept()
    {
        Assert.Equal("[ true true true true true ]", Evaluate.Value(WithContext +
            "map builtins.hasContext [ s (builtins.concatStringsSep \",\" [ \"a\" s ]) (builtins.concatStringsSep s [ \"a\" \"b\" ]) " +
            "(builtins.concatStringsSep s [ ]) (builtins.concatStringsSep \",\" [ \"a\" { __toString = _: s; } ]) ]"));
        Assert.Equal("false", Evaluate.Value("builtins.hasContext (builtins.concatStringsSep \",\" [ \"a\" \"b\" ])"));
    }

    [Fact]
    public void The_first_element_that_fails_is_the_one_reported()
    {
        Assert.Contains("cannot coerce an integer to a string", Evaluate.Error("builtins.concatStringsSep \",\" [ \"a\" 1 (throw \"x\") ]"));
        Assert.Contains("boom", Evaluate.Error("builtins.concatStringsSep \",\" [ \"a\" (throw \"boom\") 1 ]"));
    }

    [Fact]
    public void A_string_used_as_a_name_keeps_its_text_and_context()
    {
        // The symbol of a string's text and its context share a field: interning must lose neither.
        var withContext = new StringValue("name", ["/nix/store/x"]);
        Assert.Same(Symbol.Intern("name"), Symbol.Intern(withContext));
        Assert.Equal(["/nix/store/x"], withContext.Context!);
        Assert.True(withContext.HasContext);
        var plain = new StringValue("name");
        Assert.Same(Symbol.Intern("name"), Symbol.Intern(plain));
        Assert.Null(plain.Context);
        Assert.False(plain.HasContext);
        Assert.Equal("[ 1 true \"v\" ]", Evaluate.Value(WithContext +
            "let n = builtins.unsafeDiscardStringContext s; t = \"k\" + \"ey\"; a = { ${n} = 1; ${t} = \"v\"; }; in " +
            "[ a.${n} (builtins.hasContext (s + a.${t} + t)) a.${t} ]"));
    }

    [Fact]
    public void Coercing_a_string_gives_the_same_text_and_context()
    {
        Assert.Equal("[ true 45 true \"abc\" ]", Evaluate.Value(WithContext +
            "[ (builtins.hasContext (toString s)) (builtins.stringLength s) (builtins.hasContext (builtins.substring 0 3 s)) (toString \"abc\") ]"));
    }

    [Fact]
    public void A_join_longer_than_any_string_is_a_located_memory_error_before_it_is_made()
    {
        // 100 copies of 2^24 characters: more than the longest string, found by measuring first.
        var stderr = Evaluate.Error("let double = s: n: if n == 0 then s else double (s + s) (n - 1); s = double \"x\" 24; in\n" +
            "builtins.concatStringsSep \",\" (builtins.genList (_: s) 100)");
        Assert.StartsWith("error: evaluation exceeded the memory limit", stderr);
        Assert.Contains("a string of 1677721699 characters", stderr);
        Assert.Contains("at «string»:2:1:", stderr);
    }

    [Fact]
    public void Integers_print_the_same_whether_their_text_is_shared_or_not()
    {
        Assert.Equal("[ \"0\" \"7\" \"1023\" \"1024\" \"-1\" \"-9223372036854775808\" \"9223372036854775807\" ]", Evaluate.Value(
            "map toString [ 0 7 1023 1024 (-1) (-9223372036854775807 - 1) 9223372036854775807 ]"));
        Assert.Equal("\"7 7 8\"", Evaluate.Value("\"${toString 7} ${toString 7} ${toString (7 + 1)}\""));
    }
}
