namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A use of a global that is not a thunk (<c>builtins</c>, <c>true</c>, a builtin function) is its
/// value, fixed when the file is lowered; anything that binds the same name closer (<c>let</c>, a
/// function argument, <c>scopedImport</c>'s frame) must still win, and <c>with</c> must not.
/// Expected values are Nix 2.8's.
/// </summary>
public sealed class GlobalVariableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-globals-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_closer_binding_wins_over_a_global_and_with_does_not() =>
        Assert.Equal("[ [ 1 true ] 7 8 ]", Evaluate.Value("""
            [ (with { builtins = { head = x: 0; }; true = false; }; [ (builtins.head [ 1 ]) true ])
              (let builtins = { head = _: 7; }; in builtins.head [ 1 ])
              ((builtins: builtins.head [ 1 ]) { head = _: 8; }) ]
            """));

    [Fact]
    public void A_name_of_builtins_is_its_value_and_a_missing_one_fails_when_evaluated()
    {
        // Fixed when lowering only when the name is there: a missing one (or one with `or`) is looked up.
        Assert.Equal("[ 1 2 true <PRIMOP> ]", Evaluate.Value(
            "[ (builtins.head [ 1 ]) (builtins.nope or 2) (builtins.isFunction builtins.map) builtins.map ]"));
        Assert.Contains("attribute 'nope' missing", Evaluate.Error("[ (builtins.head [ 1 ]) builtins.nope ]"));
        Assert.Equal("\"8\"", Evaluate.Value("let i = 8; in \"${builtins.toString i}\""));
    }

    [Fact]
    public void ScopedImport_rebinds_a_global_for_the_imported_file()
    {
        var file = Path.Combine(_dir, "scoped.nix");
        File.WriteAllText(file, "[ (builtins.head [ 1 ]) (map (x: x) [ true ]) ]");
        Assert.Equal("[ [ 9 [ true ] ] [ 1 [ true ] ] ]", Evaluate.Value(
            $"[ (scopedImport {{ builtins = {{ head = _: 9; }}; }} {file}) (import {file}) ]"));
    }
    [Theory]
    // A builtin without a global name of its own is also __name; one bound globally is not (Nix 2.8).
    [InlineData("builtins.typeOf __isAttrs", "\"lambda\"")]
    [InlineData("builtins.typeOf __currentSystem", "\"string\"")]
    [InlineData("__head [ 1 ]", "1")]
    public void A_builtin_without_a_global_name_is_also_its_double_underscore_name(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));

    [Theory]
    [InlineData("__map")]
    [InlineData("__toString 1")]
    [InlineData("__import ./x.nix")]
    [InlineData("__removeAttrs { } [ ]")]
    [InlineData("__isNull null")]
    public void A_globally_bound_builtin_has_no_double_underscore_name(string expression) =>
        Assert.Contains("undefined variable '__", Evaluate.Error(expression));
}
