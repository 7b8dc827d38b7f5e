using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Store paths computed as Nix computes them, without a store (expected values from Nix 2.8).</summary>
public sealed class StorePathTests
{
    [Fact]
    public void Derivation_paths_match_nix()
    {
        var printed = Evaluate.Value("let d = derivation { name = \"x\"; builder = \"b\"; system = \"s\"; }; in [ d.drvPath d.outPath ]");
        Assert.Equal("[ \"/nix/store/5wq5jx7219pmi3xklyhl77fjbqvy6qaj-x.drv\" \"/nix/store/gwwjwi08fyrbrz2d8zkfvy65nzzq2czp-x\" ]", printed);
    }

    [Fact]
    public void Derivations_depending_on_derivations_hash_their_inputs_modulo()
    {
        const string program = """
            let
              a = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; args = [ "-c" "echo" ]; outputs = [ "out" "dev" ]; };
              b = derivation { name = "b"; builder = "${a}/bin/x"; system = "x86_64-linux"; dep = a.dev; };
            in [ b.outPath a.dev.outPath ]
            """;
        Assert.Equal("[ \"/nix/store/drpmjh58avgb9ch5081mcqyhk6733vvm-b\" \"/nix/store/y84qlxxdvyi0gk86lclxiifflzmvv7ab-a-dev\" ]", Evaluate.Value(program));
    }

    [Fact]
    public void An_interpolated_path_becomes_the_store_path_of_its_contents()
    {
        var dir = Directory.CreateTempSubdirectory("configlang-store-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "hello.txt"), "hello\n");
            var options = new EvaluatorOptions { CurrentDirectory = dir.FullName, EnvironmentVariables = new Dictionary<string, string>() };
            Assert.Equal("\"/nix/store/i9pmrzmpshapij2kin22pff6fc2adavx-hello.txt\"", Evaluate.Value("\"${./hello.txt}\"", options));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
