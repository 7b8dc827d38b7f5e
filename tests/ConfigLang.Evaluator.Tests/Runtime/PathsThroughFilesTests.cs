namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A path string that goes on past a file (<c>toString ./lib.nix + "/"</c>, <c>+ "/."</c>,
/// <c>missing + "/.."</c>) does not exist for the file builtins, as in Nix 2.8 (whose answers,
/// from <c>nix-instantiate --eval --strict</c>, are the expected values), although its canonical
/// form does; folders keep working with any number of trailing slashes.
/// </summary>
public sealed class PathsThroughFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-slash-").FullName;

    public PathsThroughFilesTests()
    {
        File.WriteAllText(Path.Combine(_dir, "lib.nix"), "1");
        Directory.CreateDirectory(Path.Combine(_dir, "folder"));
        File.WriteAllText(Path.Combine(_dir, "folder", "a.nix"), "2");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("/lib.nix", "true")]
    [InlineData("/lib.nix/", "false")]
    [InlineData("/lib.nix//", "false")]
    [InlineData("/lib.nix/.", "false")]
    [InlineData("/lib.nix/./.", "false")]
    [InlineData("/folder/a.nix/..", "false")]
    [InlineData("/missing/..", "false")]
    [InlineData("/folder/", "true")]
    [InlineData("/folder//./", "true")]
    [InlineData("/folder/../lib.nix", "true")]
    public void PathExists_answers_for_the_path_as_written(string suffix, string expected)
    {
        Assert.Equal(expected, Evaluate.Value($"builtins.pathExists \"{_dir}{suffix}\""));
    }

    [Theory]
    [InlineData("builtins.readFile", "/lib.nix/", "opening file")]
    [InlineData("builtins.readFile", "/lib.nix/.", "opening file")]
    [InlineData("builtins.hashFile \"sha256\"", "/lib.nix/", "opening file")]
    [InlineData("builtins.readDir", "/folder/a.nix/", "opening directory")]
    [InlineData("import", "/folder/a.nix/", "getting status of")]
    public void Opening_a_file_as_a_folder_fails_naming_the_path_as_written(string builtin, string suffix, string operation)
    {
        Assert.StartsWith($"error: {operation} '{_dir}{suffix}': Not a directory", Evaluate.Error($"{builtin} \"{_dir}{suffix}\""));
    }

    [Theory]
    [InlineData("/lib.nix", "Not a directory")]
    [InlineData("/missing", "No such file or directory")]
    public void ReadDir_of_a_file_or_of_nothing_fails_as_opendir_does(string suffix, string reason)
    {
        // Nix 2.8: "opening directory '…/readDir/bar': Not a directory" (eval-fail-readDir-not-a-directory-1).
        Assert.StartsWith($"error: opening directory '{_dir}{suffix}': {reason}", Evaluate.Error($"builtins.readDir \"{_dir}{suffix}\""));
    }

    [Fact]
    public void Folders_and_canonical_paths_still_open()
    {
        Assert.Equal("{ \"a.nix\" = \"regular\"; }", Evaluate.Value($"builtins.readDir \"{_dir}/folder//./\""));
        Assert.Equal("\"1\"", Evaluate.Value($"builtins.readFile \"{_dir}/folder/../lib.nix\""));
        Assert.Equal("2", Evaluate.Value($"import \"{_dir}/folder/./a.nix\""));
        Assert.Equal($"\"{_dir}/lib.nix\"", Evaluate.Value($"builtins.toPath \"{_dir}/lib.nix/\""));
    }
}
