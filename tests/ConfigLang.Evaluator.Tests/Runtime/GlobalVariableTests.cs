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
}
