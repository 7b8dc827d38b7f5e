namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang eval -</c>: Nix 2.8 gives the text read as the file of its positions and calls it
/// «stdin» in messages. Expected outputs are Nix 2.8's (<c>nix-instantiate --eval -</c>), hard-coded.
/// </summary>
public sealed class EvalStandardInputTests
{
    [Fact]
    public void Positions_give_the_whole_text_as_the_file()
    {
        var run = CliRun.InvokeWithInput("(builtins.unsafeGetAttrPos \"a\" { a = 1; }).file\n", "eval", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"(builtins.unsafeGetAttrPos \\\"a\\\" { a = 1; }).file\\n\"\n", run.Stdout);
    }

    [Fact]
    public void Messages_call_it_stdin()
    {
        var run = CliRun.InvokeWithInput("let a = 1 + \"a\"; in a\n", "eval", "-");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("at «stdin»:1:13:", run.Stderr);
    }

    [Fact]
    public void The_process_reads_its_own_standard_input_as_an_in_process_run_reads_the_given_text()
    {
        const string input = "let x = 2; in x * 21\n";
        var child = CliProcess.RunWithInput(input, "eval", "-");
        Assert.Equal(new CliRun(ExitCodes.Ok, "42\n", ""), child);
        Assert.Equal(child, CliRun.InvokeWithInput(input, "eval", "-"));
    }
}
