using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>__structuredAttrs = true</c> derivations: the store paths Nix 2.8's
/// <c>nix-instantiate --eval --strict</c> gives for the same programs (the __json variable, keys
/// in order, values as toJSON writes them, paths copied to the store, args and nulls as usual),
/// its type errors, and newer Nix's warnings about legacy output checks.
/// </summary>
public sealed class StructuredAttrsTests
{
    [Fact]
    public void Nested_values_and_an_outputs_list_give_nix_2_8s_paths()
    {
        var value = Evaluate.Value("""
            builtins.derivationStrict { name = "x"; system = "x86_64-linux"; builder = "/b"; __structuredAttrs = true;
              a = 1.5; b = "é\n\u0001"; c = { z = null; y = true; }; outputs = [ "out" "dev" ]; }
            """);
        Assert.Equal("""{ dev = "/nix/store/3pvpk66h4qvnmyvmwgnybgx3j7bbp5r1-x-dev"; drvPath = "/nix/store/fziz6pqdr0fya07mvn1y3fys2kjb790y-x.drv"; out = "/nix/store/bgra9kjwl8fiq8yk04kh4mr22sb943py-x"; }""", value);
    }

    [Fact]
    public void Paths_dependencies_floats_args_and_ignored_nulls_give_nix_2_8s_paths()
    {
        InDirectoryWithInputFile(options =>
        {
            var value = Evaluate.Value("""
                builtins.derivationStrict { name = "y"; system = "x86_64-linux"; builder = "/b"; __structuredAttrs = true;
                  p = ./input.txt; f = [ 0.1 1.0e20 1.0 (-2.5) 123456789.125 ]; s = "\t\r/\"\\";
                  d = (builtins.derivationStrict { name = "x"; system = "x"; builder = "/b"; }).out;
                  args = [ "-e" ./input.txt ]; n = null; __ignoreNulls = true; }
                """, options);
            Assert.Equal("""{ drvPath = "/nix/store/b8g0ycziscbzqym3sl76d6grsygpyxl9-y.drv"; out = "/nix/store/98xb6m4zpfi0rfs1kn20n3830fxb886z-y"; }""", value);
        });
    }

    [Theory]
    [InlineData("""builder = ./input.txt;""", "value is a path while a string was expected")]
    [InlineData("""builder = "/b"; outputs = "out dev";""", "value is a string while a list was expected")]
    public void Builder_must_be_a_string_and_outputs_a_list(string attributes, string message)
    {
        InDirectoryWithInputFile(options =>
        {
            var error = Evaluate.Error($$"""builtins.derivationStrict { name = "y"; system = "x"; {{attributes}} __structuredAttrs = true; }""", options);
            Assert.StartsWith("error: " + message, error);
        });
    }

    [Fact]
    public void Legacy_output_checks_are_warned_about_at_their_position_only_with_structured_attributes()
    {
        const string Program = """
            (builtins.derivationStrict { name = "d"; system = "x"; builder = "/b";
              __structuredAttrs = STRUCTURED; maxSize = 1; allowedReferences = [ ]; }).out
            """;
        var structured = Evaluate.Run(Program.Replace("STRUCTURED", "true"));
        Assert.True(structured.Succeeded, structured.Stderr);
        var lines = structured.Stderr.Split('\n');
        Assert.Equal(2, lines.Count(line => line == "warning:"));
        Assert.Contains("         … while evaluating derivation 'd'", lines);
        Assert.Contains("         warning: 'structuredAttrs' disables the effect of the derivation attribute 'maxSize'; use 'outputChecks.<output>.maxSize' instead", lines);
        Assert.True(lines.Any(line => line.StartsWith("         at ", StringComparison.Ordinal) && line.EndsWith(":2:29:", StringComparison.Ordinal)), structured.Stderr);

        var plain = Evaluate.Run(Program.Replace("STRUCTURED", "false"));
        Assert.True(plain.Succeeded, plain.Stderr);
        Assert.DoesNotContain("warning", plain.Stderr);
    }

    /// <summary>Runs a test with the current directory a fresh folder holding input.txt ("hello\n").</summary>
    private static void InDirectoryWithInputFile(Action<EvaluatorOptions> test)
    {
        var directory = Directory.CreateTempSubdirectory("configlang-structured-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "input.txt"), "hello\n");
            test(new EvaluatorOptions { CurrentDirectory = directory, EnvironmentVariables = new Dictionary<string, string>() });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
