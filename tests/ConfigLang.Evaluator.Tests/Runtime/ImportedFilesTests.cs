namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>An evaluation reports the files it imported, each once, in the order first read (lint
/// points findings into them), also when it fails.</summary>
public sealed class ImportedFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-imports-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Imported_files_are_listed_once_in_the_order_first_read()
    {
        File.WriteAllText(Path.Combine(_dir, "a.nix"), "import ./b.nix + import ./c.nix + import ./b.nix");
        File.WriteAllText(Path.Combine(_dir, "b.nix"), "1");
        File.WriteAllText(Path.Combine(_dir, "c.nix"), "import ./b.nix + 1");

        var result = Evaluate.Run($"import {Path.Combine(_dir, "a.nix")}");

        Assert.Equal("4\n", result.Stdout);
        Assert.Equal([.. new[] { "a.nix", "b.nix", "c.nix" }.Select(f => Path.Combine(_dir, f))], result.ImportedFiles);
    }

    [Fact]
    public void A_failed_evaluation_still_lists_what_it_read()
    {
        File.WriteAllText(Path.Combine(_dir, "a.nix"), "import ./b.nix");
        File.WriteAllText(Path.Combine(_dir, "b.nix"), "throw \"broken\"");

        var result = Evaluate.Run($"import {Path.Combine(_dir, "a.nix")}");

        Assert.False(result.Succeeded);
        Assert.Equal([Path.Combine(_dir, "a.nix"), Path.Combine(_dir, "b.nix")], result.ImportedFiles);
    }
}
