using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Builtins newer than Nix 2.8 that the corpus uses: readFileType, break, convertHash, flake references, warn.</summary>
public sealed class NewerBuiltinsTests
{
    [Fact]
    public void ReadFileType_names_files_directories_and_symlinks_without_following_them()
    {
        var directory = Directory.CreateTempSubdirectory("configlang-filetype-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "file"), "x");
            Directory.CreateDirectory(Path.Combine(directory.FullName, "dir"));
            File.CreateSymbolicLink(Path.Combine(directory.FullName, "link"), "dir");
            var options = new EvaluatorOptions { CurrentDirectory = directory.FullName, EnvironmentVariables = new Dictionary<string, string>() };
            Assert.Equal("[ \"regular\" \"directory\" \"symlink\" ]",
                Evaluate.Value("map (n: builtins.readFileType (./. + \"/${n}\")) [ \"file\" \"dir\" \"link\" ]", options));
            Assert.Contains("No such file or directory", Evaluate.Error("builtins.readFileType ./missing", options));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Break_without_a_debugger_returns_its_argument() => Assert.Equal("3", Evaluate.Value("builtins.break (1 + 2)"));

    [Theory]
    [InlineData("base16", "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"")]
    [InlineData("nix32", "\"0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73\"")]
    [InlineData("base64", "\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"")]
    [InlineData("sri", "\"sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"")]
    public void ConvertHash_writes_a_digest_in_each_format_from_each_format(string format, string expected)
    {
        foreach (var hash in new[] { "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" })
        {
            Assert.Equal(expected, Evaluate.Value($"builtins.convertHash {{ hash = \"{hash}\"; hashAlgo = \"sha256\"; toHashFormat = \"{format}\"; }}"));
        }
    }

    [Fact]
    public void ConvertHash_rejects_a_body_of_the_wrong_length() =>
        Assert.Contains("has wrong length for hash type 'sha256'", Evaluate.Error("builtins.convertHash { hash = \"abc\"; hashAlgo = \"sha256\"; toHashFormat = \"sri\"; }"));

    [Theory]
    [InlineData("github:NixOS/nixpkgs/23.05?dir=lib", "{ dir = \"lib\"; owner = \"NixOS\"; ref = \"23.05\"; repo = \"nixpkgs\"; type = \"github\"; }")]
    [InlineData("path:/tmp/x?lastModified=5", "{ lastModified = 5; path = \"/tmp/x\"; type = \"path\"; }")]
    [InlineData("git+https://example.org/r.git?ref=main", "{ ref = \"main\"; type = \"git\"; url = \"https://example.org/r.git\"; }")]
    [InlineData("nixpkgs/unstable", "{ id = \"nixpkgs\"; ref = \"unstable\"; type = \"indirect\"; }")]
    public void Flake_references_parse_and_print_back(string text, string attributes)
    {
        Assert.Equal(attributes, Evaluate.Value($"builtins.parseFlakeRef \"{text}\""));
        var printed = Evaluate.Value($"builtins.flakeRefToString (builtins.parseFlakeRef \"{text}\")");
        Assert.Equal(attributes, Evaluate.Value($"builtins.parseFlakeRef {printed}"));
    }

    [Fact]
    public void FlakeRefToString_rejects_a_negative_integer() =>
        Assert.Contains("negative value given for flake ref attr repo: -1",
            Evaluate.Error("builtins.flakeRefToString { type = \"github\"; owner = \"o\"; repo = -1; }"));

    [Theory]
    [InlineData("\"foo\0bar\"")]
    [InlineData("''\n  foo\n  \0\n''")]
    [InlineData("let unused = \"\0\"; in 1")]
    public void A_string_literal_holding_a_NUL_byte_is_rejected_where_it_is_written(string program)
    {
        var error = Evaluate.Run(program);
        Assert.False(error.Succeeded);
        Assert.Contains("cannot be represented as Nix string because it contains null bytes", error.Stderr);
        Assert.NotNull(error.Error!.Location);
    }
}
