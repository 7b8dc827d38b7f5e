using ConfigLang.Cli.Tests.Support;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary><c>configlang eval --parse</c>: the tree as nix-instantiate --parse prints it, or the
/// located syntax errors with exit code 1.</summary>
public sealed class EvalParseTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-parse-");

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text) => _folder.Write(name, text);

    [Fact]
    public void Prints_the_tree_of_a_good_file_in_nix_format()
    {
        var file = Write("good.nix", "{ a.b = 1 - 2; c = ./x.nix; }\n");

        var run = CliRun.Invoke("eval", "--parse", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"{{ a = {{ b = (__sub 1 2); }}; c = {_folder.Path}/x.nix; }}\n", run.Stdout.Replace("\r\n", "\n"));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void A_bad_file_exits_1_with_a_located_message_on_stderr()
    {
        var file = Write("bad.nix", "{\n  x = 1\n  y = 2;\n}\n");

        var run = CliRun.Invoke("eval", "--parse", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("error[CL0003]: expected ';' after the binding of 'x'", run.Stderr);
        Assert.Contains($"--> {file}:2:8", run.Stderr);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Invoke("eval", "--parse", Path.Combine(_folder.Path, "absent.nix"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("absent.nix", run.Stderr);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var run = CliRun.InvokeWithInput("let x = 1; in [ x \"a${x}\" ]", "eval", "--parse", "-");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("(let x = 1; in [ (x) ((\"a\" + x)) ])\n", run.Stdout.Replace("\r\n", "\n"));
    }
}
