using ConfigLang.Modules.Tests.Evaluation;

namespace ConfigLang.Modules.Tests.Lib;

/// <summary>
/// <c>lib.fileset</c> and <c>types.fileset</c> as far as ConfigLang has them: a path stands for
/// the files below it, unions drop duplicates, several definitions of an option are united,
/// and what is not a file set is a type error.
/// </summary>
public sealed class FilesetTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    public FilesetTests()
    {
        var tree = Path.GetDirectoryName(_evaluation.Write("module.nix", """
            { config, lib, ... }:
            {
              options.fileset = lib.mkOption { type = lib.types.lazyAttrsOf lib.types.fileset; };
              options.count = lib.mkOption { default = builtins.mapAttrs (_: fs: builtins.length (lib.fileset.toList fs)) config.fileset; };
              config.fileset = {
                empty = lib.fileset.empty;
                tree = ./tree;
                file = ./tree/one;
                twice = lib.fileset.unions [ ./tree ./tree/sub/two lib.fileset.empty ];
                conditional = lib.mkIf false ./tree;
                notAFileset = "./tree";
              };
              imports = [ { fileset.merged = ./tree/one; } { fileset.merged = ./tree/sub; } ];
            }
            """))!;
        Directory.CreateDirectory(Path.Combine(tree, "tree", "sub"));
        File.WriteAllText(Path.Combine(tree, "tree", "one"), "1");
        File.WriteAllText(Path.Combine(tree, "tree", "sub", "two"), "2");
    }

    public void Dispose() => _evaluation.Dispose();

    [Theory]
    [InlineData("empty", "0")]
    [InlineData("tree", "2")]
    [InlineData("file", "1")]
    [InlineData("twice", "2")]
    [InlineData("conditional", "0")]
    [InlineData("merged", "2")]
    public void Counts_the_files_of_each_file_set(string name, string count)
    {
        var result = _evaluation.Evaluate($"config.count.{name}", "module.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(count, result.Stdout);
    }

    [Fact]
    public void A_string_is_not_a_file_set()
    {
        var result = _evaluation.Evaluate("config.count.notAFileset", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("A definition for option `fileset.notAFileset' is not of type `fileset'.", result.Stderr);
    }
}
