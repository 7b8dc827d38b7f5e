using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The evaluation's own store (issue 15): what toFile, derivation and copied paths produce can be
/// read back, and /nix/store paths answer from that store alone, never from the machine's.
/// Expected store paths are Nix 2.8's (nix-instantiate --eval --strict).
/// </summary>
public sealed class HermeticStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-store-");

    public void Dispose() => _dir.Delete(recursive: true);

    private EvaluatorOptions Options(long maxStoreBytes = EvaluatorOptions.DefaultMaxStoreBytes) => new()
    {
        CurrentDirectory = _dir.FullName,
        EnvironmentVariables = new Dictionary<string, string>(),
        MaxStoreBytes = maxStoreBytes,
    };

    /// <summary>src/a.txt and src/b.txt, as in the Nix 2.8 runs the expected paths come from.</summary>
    private void WriteSource()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "src"));
        File.WriteAllText(Path.Combine(_dir.FullName, "src", "a.txt"), "alpha\n");
        File.WriteAllText(Path.Combine(_dir.FullName, "src", "b.txt"), "beta\n");
    }

    [Fact]
    public void A_file_made_by_toFile_can_be_imported_and_read_back()
    {
        const string program = """
            let f = builtins.toFile "x.nix" "{ a = 1; }"; in
            [ (import f).a (builtins.readFile f) (builtins.pathExists f) (builtins.readFileType f) (builtins.hashFile "sha256" f) ]
            """;
        Assert.Equal(
            "[ 1 \"{ a = 1; }\" true \"regular\" \"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("{ a = 1; }"u8.ToArray())) + "\" ]",
            Evaluate.Value(program, Options()));
    }

    [Fact]
    public void The_drv_file_of_a_derivation_is_in_the_store_and_its_outputs_are_not_since_nothing_is_built()
    {
        const string program = """
            let d = derivation { name = "x"; builder = "b"; system = "s"; }; in
            [ (builtins.substring 0 7 (builtins.readFile d.drvPath)) (builtins.pathExists d.outPath) ]
            """;
        Assert.Equal("[ \"Derive(\" false ]", Evaluate.Value(program, Options()));
    }

    [Fact]
    public void Store_paths_this_evaluation_did_not_produce_are_missing_whatever_the_machines_store_holds()
    {
        // The machine's /nix/store may hold anything (Nix installs /nix/store/.links); none of it shows.
        var onDisk = Directory.Exists("/nix/store") ? Directory.GetFileSystemEntries("/nix/store").Take(3).ToList() : [];
        foreach (var path in onDisk.Append("/nix/store/.links"))
        {
            Assert.Equal("false", Evaluate.Value($"builtins.pathExists \"{path}\"", Options()));
            Assert.Contains($"opening file '{path}': No such file or directory", Evaluate.Error($"builtins.readFile \"{path}\"", Options()));
        }
        Assert.Equal("{ }", Evaluate.Value("builtins.readDir /nix/store", Options()));
        Assert.Equal("{ gakslir528a29f7ppaf28ip8rdwqcnss-x = \"regular\"; }",
            Evaluate.Value("builtins.seq (builtins.toFile \"x\" \"\") (builtins.readDir /nix/store)", Options()));
    }

    [Fact]
    public void Each_evaluation_has_its_own_store()
    {
        var path = Evaluate.Value("builtins.toFile \"x\" \"hi\"", Options()).Trim('"');
        Assert.Equal("false", Evaluate.Value($"builtins.pathExists \"{path}\"", Options()));
        Assert.Contains("getting status of", Evaluate.Error($"import \"{path}\"", Options()));
    }

    [Fact]
    public void Paths_copied_by_interpolation_builtins_path_and_filterSource_are_in_the_store()
    {
        WriteSource();
        const string program = """
            let
              copied = "${./src}";
              filtered = builtins.filterSource (p: t: baseNameOf p != "b.txt") ./src;
              flat = builtins.path { path = ./src/a.txt; recursive = false; };
              renamed = builtins.path { path = ./src; name = "renamed"; };
            in [
              copied (builtins.readFile "${copied}/b.txt")
              filtered (builtins.readDir filtered)
              flat (builtins.readFile flat)
              renamed (builtins.readDir renamed)
            ]
            """;
        Assert.Equal(
            "[ \"/nix/store/c68ccvd40q6fm6kk1zra8517yrkyg83n-src\" \"beta\\n\" "
            + "\"/nix/store/laaqfsfa2gxv5jpsw4q26pp01h689hg5-src\" { \"a.txt\" = \"regular\"; } "
            + "\"/nix/store/yc1dwh3y57i092qpmfgw5qkszzy1ldfy-a.txt\" \"alpha\\n\" "
            + "\"/nix/store/y18vhw1c7x593jwpi6zppi33nz6xg6is-renamed\" { \"a.txt\" = \"regular\"; \"b.txt\" = \"regular\"; } ]",
            Evaluate.Value(program, Options()));
    }

    [Theory]
    [InlineData("builtins.filterSource [ ] ./src", "first argument in call to 'filterSource' is not a function but a list")]
    [InlineData("builtins.filterSource (_: 1) ./src", "attempt to call something which is not a function but an integer")]
    [InlineData("builtins.filterSource (_: _: 1) ./src", "value is an integer while a Boolean was expected")]
    public void A_filter_that_is_no_predicate_is_a_located_error_as_in_nix_2_8(string program, string message)
    {
        WriteSource();
        var stderr = Evaluate.Error(program, Options());
        Assert.StartsWith("error: " + message, stderr);
        Assert.Contains("at «string»:1:1:", stderr);
    }

    [Fact]
    public void StorePath_accepts_what_this_evaluation_produced_and_nothing_else()
    {
        WriteSource();
        Assert.Equal("[ \"/nix/store/c68ccvd40q6fm6kk1zra8517yrkyg83n-src/a.txt\" { \"/nix/store/c68ccvd40q6fm6kk1zra8517yrkyg83n-src\" = { path = true; }; } ]",
            Evaluate.Value("let p = builtins.storePath \"${./src}/a.txt\"; in [ p (builtins.getContext p) ]", Options()));
        Assert.StartsWith("error: getting status of '/nix/store/gakslir528a29f7ppaf28ip8rdwqcnss-x': No such file or directory",
            Evaluate.Error("builtins.storePath /nix/store/gakslir528a29f7ppaf28ip8rdwqcnss-x", Options()));
        Assert.StartsWith("error: path '/tmp' is not in the Nix store", Evaluate.Error("builtins.storePath /tmp", Options()));
    }

    [Fact]
    public void A_store_path_named_as_a_folder_is_not_a_directory()
    {
        Assert.Equal("false", Evaluate.Value("builtins.pathExists (builtins.toFile \"x\" \"\" + \"/\")", Options()));
    }

    [Fact]
    public void The_store_is_bounded_with_a_located_error_naming_the_limit()
    {
        var stderr = Evaluate.Error("builtins.toFile \"big\" (builtins.concatStringsSep \"\" (builtins.genList (x: \"0123456789\") 200))", Options(maxStoreBytes: 1024));
        Assert.StartsWith("error: the evaluation's store would exceed its limit of 1 KiB", stderr);
        Assert.Contains("at «string»:1:1:", stderr);

        WriteSource();
        File.WriteAllBytes(Path.Combine(_dir.FullName, "src", "large.bin"), new byte[4096]);
        var copy = Evaluate.Error("\"${./src}\"", Options(maxStoreBytes: 1024));
        Assert.Contains($"the evaluation's store would exceed its limit of 1 KiB: '{_dir.FullName}/src' needs", copy);
        var flat = Evaluate.Error("builtins.path { path = ./src/large.bin; recursive = false; }", Options(maxStoreBytes: 1024));
        Assert.Contains($"the evaluation's store would exceed its limit of 1 KiB: '{_dir.FullName}/src/large.bin' needs", flat);
    }
}
