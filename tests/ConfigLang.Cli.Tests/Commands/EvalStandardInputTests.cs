namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang eval -</c>: Nix 2.8 gives the text read as the file of its positions and calls it
/// «stdin» in messages. Expected outputs are Nix 2.8's (<c>nix-instantiate --eval -</c>), hard-coded.
/// </summary>
// Console.In is the process's: the tests setting it must not run side by side.
[Collection(ConsoleInputCollection.Name)]
public sealed class EvalStandardInputTests
{
    private static CliRun WithInput(string input, params string[] args)
    {
        var original = Console.In;
        try
        {
            Console.SetIn(new StringReader(input));
            return CliRun.Invoke(args);
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    [Fact]
    public void Positions_give_the_whole_text_as_the_file()
    {
        var run = WithInput("(builtins.unsafeGetAttrPos \"a\" { a = 1; }).file\n", "eval", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"(builtins.unsafeGetAttrPos \\\"a\\\" { a = 1; }).file\\n\"\n", run.Stdout);
    }

    [Fact]
    public void Messages_call_it_stdin()
    {
        var run = WithInput("let a = 1 + \"a\"; in a\n", "eval", "-");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("at «stdin»:1:13:", run.Stderr);
    }
}
