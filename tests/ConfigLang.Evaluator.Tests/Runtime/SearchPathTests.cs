using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>builtins.nixPath</c> and <c>&lt;…&gt;</c> lookups as Nix 2.8 has them (expected values from
/// <c>nix-instantiate --eval --strict</c>), and the host's library entries that lookups find but
/// <c>builtins.nixPath</c> never shows.
/// </summary>
public sealed class SearchPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-searchpath-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EvaluatorOptions Options(string? nixPath, string[]? include = null, string[]? library = null, string? home = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (nixPath is not null) environment["NIX_PATH"] = nixPath;
        if (home is not null) environment["HOME"] = home;
        return new EvaluatorOptions { CurrentDirectory = _dir, EnvironmentVariables = environment, SearchPath = include ?? [], LibrarySearchPath = library ?? [] };
    }

    private string Folder(string name, string defaultNix)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "default.nix"), defaultNix);
        return folder;
    }

    [Fact]
    public void NixPath_is_the_I_entries_then_NIX_PATH_split_as_nix_does()
    {
        // nix-instantiate keeps URLs whole, keeps an empty entry between two colons, drops a trailing colon.
        var options = Options("a::nixpkgs=https://x.y/z.tar.gz:c=d=e:", include: ["foo", "bar=/etc/"]);

        Assert.Equal(
            "[ { path = \"foo\"; prefix = \"\"; } { path = \"/etc/\"; prefix = \"bar\"; } { path = \"a\"; prefix = \"\"; } " +
            "{ path = \"\"; prefix = \"\"; } { path = \"https://x.y/z.tar.gz\"; prefix = \"nixpkgs\"; } { path = \"d=e\"; prefix = \"c\"; } ]",
            Evaluate.Value("builtins.nixPath", options));
    }

    [Fact]
    public void Library_entries_resolve_but_stay_out_of_nixPath()
    {
        var library = Folder("lib", "42");
        var options = Options("", library: [$"mylib={library}"]);

        Assert.Equal("[ ]", Evaluate.Value("builtins.nixPath", options));
        Assert.Equal("42", Evaluate.Value("import <mylib>", options));
    }

    [Fact]
    public void The_user_search_path_wins_over_library_entries()
    {
        var library = Folder("lib", "42");
        var users = Folder("users", "7");
        var options = Options($"mylib={users}", library: [$"mylib={library}"]);

        Assert.Equal("7", Evaluate.Value("import <mylib>", options));
    }

    [Fact]
    public void Without_NIX_PATH_the_default_channels_that_exist_are_used()
    {
        var channels = Directory.CreateDirectory(Path.Combine(_dir, ".nix-defexpr", "channels")).FullName;

        Assert.Equal($"[ {{ path = \"{channels}\"; prefix = \"\"; }} ]", Evaluate.Value("builtins.nixPath", Options(null, home: _dir)));
        Assert.Equal("[ ]", Evaluate.Value("builtins.nixPath", Options("", home: _dir)));
    }

    [Fact]
    public void Corepkgs_come_after_the_search_path()
    {
        var nix = Directory.CreateDirectory(Path.Combine(_dir, "mine")).FullName;
        File.WriteAllText(Path.Combine(nix, "fetchurl.nix"), "\"mine\"");

        Assert.Equal("\"mine\"", Evaluate.Value("import <nix/fetchurl.nix>", Options("", include: [$"nix={nix}"])));
        Assert.Equal("/__corepkgs__/fetchurl.nix", Evaluate.Value("<nix/fetchurl.nix>", Options("")));
    }
}
