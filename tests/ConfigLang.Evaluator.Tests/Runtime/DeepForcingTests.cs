namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>deepSeq</c> and <c>--strict</c> force everything once: a small set or list is remembered only
/// when it holds a set or list, so cycles through small containers must still end, shared leaves
/// must be forced, and an error deep inside keeps every attribute frame. Expected values are Nix 2.8's.
/// </summary>
public sealed class DeepForcingTests
{
    [Fact]
    public void Cycles_through_small_and_large_containers_end()
    {
        Assert.Equal("[ 1 2 ]", Evaluate.Value("""
            let
              x = { a = x; b = 1; };
              l = [ l 1 ];
              wide = builtins.listToAttrs (builtins.genList (i: { name = "n${toString i}"; value = if i == 9 then wide else i; }) 10);
              s = { p = 1; };
              shared = builtins.genList (i: { v = s; w = [ s ]; }) 20;
            in [ (builtins.deepSeq [ x l wide shared ] 1) (builtins.deepSeq { inherit x; } 2) ]
            """));
    }

    [Fact]
    public void A_small_leaf_reached_twice_is_forced()
    {
        Assert.Contains("error: leaf", Evaluate.Error("""
            let leaf = { p = 1; q = throw "leaf"; }; in builtins.deepSeq [ { a = 1; } leaf leaf ] 0
            """));
    }

    [Fact]
    public void An_error_deep_inside_keeps_every_attribute_frame()
    {
        var trace = Evaluate.ErrorWithTrace("builtins.deepSeq { a = { b = [ { c = throw \"deep\"; } ]; }; } 1");
        Assert.Contains("error: deep", trace);
        var c = trace.IndexOf("while evaluating the attribute 'c'", StringComparison.Ordinal);
        var b = trace.IndexOf("while evaluating the attribute 'b'", StringComparison.Ordinal);
        var a = trace.IndexOf("while evaluating the attribute 'a'", StringComparison.Ordinal);
        Assert.True(c >= 0 && c < b && b < a, trace);
    }

    [Fact]
    public void Sets_holding_only_small_leaf_containers_are_walked_as_often_as_reached()
    {
        // Not remembered, so reached twice they are forced twice (no-ops); cycles through them still end.
        Assert.Equal("[ 1 2 3 ]", Evaluate.Value("""
            let
              cert = { domain = "a"; names = [ "www.a" ]; meta = { x = 1; }; };
              x = { a = [ x ]; b = [ "s" ]; };
              l = [ [ l ] ];
              s = { inner = { back = s; }; };
            in [ (builtins.deepSeq [ cert cert { c = cert; } ] 1) (builtins.deepSeq [ x l ] 2) (builtins.deepSeq s 3) ]
            """));
    }

    [Fact]
    public void An_error_found_looking_into_a_small_container_keeps_its_frames_and_order()
    {
        // The elements of { b; c; } are forced before it is walked: c fails there, framed as inside a.
        var trace = Evaluate.ErrorWithTrace("""builtins.deepSeq { a = { b = 1; c = throw "deep"; }; z = throw "later"; } 1""");
        Assert.Contains("error: deep", trace);
        var c = trace.IndexOf("while evaluating the attribute 'c'", StringComparison.Ordinal);
        var a = trace.IndexOf("while evaluating the attribute 'a'", StringComparison.Ordinal);
        Assert.True(c >= 0 && c < a, trace);
        // The first failing element in list order, even behind a leaf list.
        Assert.Contains("error: first", Evaluate.Error("""builtins.deepSeq [ [ [ 1 (throw "first") ] ] (throw "second") ] 1"""));
        Assert.Contains("error: first", Evaluate.Error("""builtins.deepSeq { a = [ 1 (throw "first") ]; b = [ { c = throw "second"; } ]; } 1"""));
    }

    [Fact]
    public void All_and_any_with_a_builtin_stop_at_the_first_answer()
    {
        Assert.Equal("[ false true true false ]", Evaluate.Value("""
            [ (builtins.all builtins.isAttrs [ { } 1 (throw "no") ])
              (builtins.any builtins.isList [ 1 [ ] (throw "x") ])
              (builtins.all builtins.isAttrs [ ])
              (builtins.any builtins.isAttrs [ ]) ]
            """));
        Assert.Contains("error: boom", Evaluate.Error("builtins.all builtins.isAttrs [ { } (throw \"boom\") ]"));
    }

    /// <summary>Per type test (a row) and value (a column: null, a lambda, a builtin, a partly applied
    /// builtin, an integer, a float, a string, a Boolean, a path, a list, a set), whether the value passes.
    /// Nix 2.8's answers (nix-instantiate --eval --strict), written out: compared with one another, the
    /// builtin and its table entry for all/any would agree on a wrong answer.</summary>
    private static readonly string[] TypeTestMatrix =
    [
        "10000000000", // isNull
        "01110000000", // isFunction
        "00001000000", // isInt
        "00000100000", // isFloat
        "00000010000", // isString
        "00000001000", // isBool
        "00000000100", // isPath
        "00000000010", // isList
        "00000000001", // isAttrs
    ];

    [Theory]
    [InlineData("t: v: builtins.all t [ v ]")]
    [InlineData("t: v: builtins.any t [ v ]")]
    [InlineData("t: v: t v")]
    public void A_type_test_given_to_all_or_any_answers_as_Nix_does_for_every_type(string answer)
    {
        // all/any test the elements without calling the builtin; the plain call is the builtin itself.
        var expected = "[ " + string.Join(" ", TypeTestMatrix.Select(row => $"\"{row}\"")) + " ]";
        Assert.Equal(expected, Evaluate.Value($$"""
            let
              values = [ null (x: x) builtins.map (builtins.map (x: x)) 1 1.5 "s" true ./p [ ] { } ];
              tests = with builtins; [ isNull isFunction isInt isFloat isString isBool isPath isList isAttrs ];
              answer = {{answer}};
              row = t: builtins.concatStringsSep "" (map (v: if answer t v then "1" else "0") values);
            in map row tests
            """));
    }

    [Fact]
    public void An_element_failing_in_a_type_test_keeps_the_frame_of_the_builtin()
    {
        var trace = Evaluate.ErrorWithAllFrames("builtins.all builtins.isAttrs [ { } (throw \"boom\") ]");
        var isAttrs = trace.IndexOf("while calling the 'isAttrs' builtin", StringComparison.Ordinal);
        var all = trace.IndexOf("while calling the 'all' builtin", StringComparison.Ordinal);
        Assert.True(isAttrs >= 0 && isAttrs < all, trace);
    }
}
