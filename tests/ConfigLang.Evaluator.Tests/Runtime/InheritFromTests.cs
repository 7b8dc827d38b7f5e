namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>inherit (e) a b;</c> evaluates <c>e</c> once for all its names, per instantiation of the set
/// or <c>let</c>, as newer Nix does (the corpus's <c>eval-okay-inherit-from</c>; Nix 2.8 evaluated
/// it once per name, so its <c>trace</c> printed twice).
/// </summary>
public sealed class InheritFromTests
{
    [Theory]
    [InlineData("let inherit (builtins.trace \"used\" { a = 1; b = 2; }) a b; in a + b", "3")]
    [InlineData("let s = { inherit (builtins.trace \"used\" { a = 1; b = 2; }) a b; }; in s.a + s.b", "3")]
    [InlineData("let s = rec { x = builtins.trace \"used\" { a = 1; b = 2; }; inherit (x) a b; }; in s.a + s.b", "3")]
    public void The_source_is_evaluated_once_for_all_names(string expression, string expected)
    {
        var result = Evaluate.Run(expression);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(expected, result.Stdout.TrimEnd('\n'));
        Assert.Equal("trace: used\n", result.Stderr);
    }

    [Fact]
    public void Each_instantiation_has_its_own_source()
    {
        var result = Evaluate.Run("let f = n: { inherit (builtins.trace n { a = n; b = n; }) a b; }; in [ (f 1).a (f 1).b (f 2).a ]");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("[ 1 1 2 ]", result.Stdout.TrimEnd('\n'));
        Assert.Equal("trace: 1\ntrace: 1\ntrace: 2\n", result.Stderr);
    }

    [Fact]
    public void Two_clauses_have_two_sources_and_a_missing_name_is_located()
    {
        Assert.Equal("{ a = 1; c = 3; }", Evaluate.Value("let x = { a = 1; }; y = { c = 3; }; in { inherit (x) a; inherit (y) c; }"));
        var error = Evaluate.Error("{ inherit ({ a = 1; }) a b; }.b");
        Assert.Contains("attribute 'b' missing", error);
        Assert.Contains("«string»:1:26", error);
    }
    [Fact]
    public void Many_clauses_each_keep_their_own_source_once_found_by_lookup()
    {
        // More clauses than the binder scans: each name still comes from its own clause, and the
        // names of one clause (listed apart from each other once sorted) share its one source.
        var clauses = string.Concat(Enumerable.Range(0, 40).Select(i => $"inherit (builtins.trace \"s{i}\" {{ a{i} = {i}; z{i} = {i * 2}; }}) a{i} z{i}; "));
        var result = Evaluate.Run($"let s = {{ {clauses}}}; in s.a0 + s.z0 + s.a17 + s.z17 + s.a39 + s.z39");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("168", result.Stdout.TrimEnd('\n'));
        Assert.Equal("trace: s0\ntrace: s17\ntrace: s39\n", result.Stderr);
    }
}
