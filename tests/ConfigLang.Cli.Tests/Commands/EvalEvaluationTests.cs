namespace ConfigLang.Cli.Tests.Commands;

/// <summary><c>configlang eval</c> evaluating: output as nix-instantiate prints it, and the exit codes.</summary>
public sealed class EvalEvaluationTests
{
    [Fact]
    public void Expression_is_printed_strictly_as_nix_does()
    {
        var run = CliRun.Invoke("eval", "--strict", "-E", "{ b = [ 1 2 ]; a = \"x\"; }");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{ a = \"x\"; b = [ 1 2 ]; }\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    // Strings are bytes: nix-instantiate writes the lone byte 0xC3 of a cut "ü" as it is, not U+FFFD.
    [Fact]
    public void A_string_is_written_as_its_bytes_even_when_they_are_not_UTF_8()
    {
        var run = CliProcess.RunReadingBytes("eval", "--strict", "-E", "[ (builtins.substring 0 1 \"ünï\") \"é\" ]");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[ \"\u00C3\" \"\u00C3\u00A9\" ]\n", run.Stdout);
    }

    [Fact]
    public void Json_attr_path_and_arguments_work_like_nix_instantiate()
    {
        var dir = Directory.CreateTempSubdirectory("configlang-eval-");
        try
        {
            var file = Path.Combine(dir.FullName, "f.nix");
            File.WriteAllText(file, "{ n, s ? \"d\" }: { out = { inherit n s; }; }");
            var run = CliRun.Invoke("eval", "--eval", "--strict", "--json", file, "-A", "out", "--arg", "n", "1 + 1", "--argstr", "s", "t");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("{\"n\":2,\"s\":\"t\"}", run.Stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The corpus's flags files pass these; eval used to accept and drop them.
    [Fact]
    public void Lint_warn_reports_a_literal_on_stderr_and_keeps_its_value()
    {
        var run = CliRun.Invoke("eval", "--lint-url-literals", "warn", "-E", "http://example.org");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"http://example.org\"\n", run.Stdout);
        Assert.StartsWith("warning: URL literals are discouraged", run.Stderr);
    }

    [Fact]
    public void Extra_experimental_features_reach_the_evaluator()
    {
        const string toml = "builtins.fromTOML \"a = 1979-05-27T07:32:00Z\"";
        var without = CliRun.Invoke("eval", "--strict", "-E", toml);
        var with = CliRun.Invoke("eval", "--strict", "--extra-experimental-features", "parse-toml-timestamps", "-E", toml);
        Assert.Equal(ExitCodes.InputErrors, without.ExitCode);
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("{ a = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00Z\"; }; }\n", with.Stdout);
    }

    [Fact]
    public void Evaluation_errors_exit_1_with_a_located_message()
    {
        var run = CliRun.Invoke("eval", "-E", "let x = 1; in x.y");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.StartsWith("error: value is an integer while a set was expected", run.Stderr);
        Assert.Contains("at «string»:1:15:", run.Stderr);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Invoke("eval", "/no/such/file.nix");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("/no/such/file.nix", run.Stderr);
    }

    [Fact]
    public void Show_trace_lists_the_frames()
    {
        var run = CliRun.Invoke("eval", "--show-trace", "-E", "let f = x: x.a; in f { }");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error: attribute 'a' missing", run.Stderr);
        Assert.Contains("… while evaluating 'f'", run.Stderr);
        Assert.Contains("… from call site\n\n       at «string»:1:20:", run.Stderr);
    }

    [Theory]
    [InlineData("<configlang/lib>")]
    [InlineData("<nixpkgs/lib>")]
    public void Configlang_lib_is_importable_from_plain_expressions(string libPath)
    {
        var run = CliRun.Invoke("eval", "--strict", "-E",
            $"let lib = import {libPath}; in lib.optionalString true (lib.concatStringsSep \",\" [ \"a\" \"b\" ])");
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"a,b\"\n", run.Stdout);
    }
}
