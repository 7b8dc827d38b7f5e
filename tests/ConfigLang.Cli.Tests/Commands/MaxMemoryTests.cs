namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// The memory limit (issue 13): going past it is an input error that names the limit and how to
/// change it, never the machine's memory or an unhandled <see cref="OutOfMemoryException"/>.
/// </summary>
public sealed class MaxMemoryTests
{
    private const string HugeList = "builtins.length (builtins.genList (x: x) 100000000)";

    // Doubling a string 40 times: each step allocates a string twice the last, so the heap, not a single request, runs out first.
    private const string StringDoubling = "let double = s: n: if n == 0 then s else double (s + s) (n - 1); in builtins.stringLength (double \"x\" 40)";

    [Theory]
    [InlineData(HugeList)]
    [InlineData(StringDoubling)]
    public void Going_past_the_flag_limit_is_an_input_error_naming_the_limit(string expression)
    {
        var run = CliProcess.Run("eval", "--max-memory", "256M", "-E", expression);
        AssertMemoryLimitError(run);
    }

    [Theory]
    [InlineData(HugeList)]
    [InlineData(StringDoubling)]
    public void The_environment_variable_sets_the_limit_too(string expression)
    {
        var run = CliProcess.Run(new Dictionary<string, string> { ["CONFIGLANG_MAX_MEMORY"] = "256M" }, "eval", "-E", expression);
        AssertMemoryLimitError(run);
    }

    [Fact]
    public void The_flag_wins_over_the_environment_variable()
    {
        var run = CliProcess.Run(new Dictionary<string, string> { ["CONFIGLANG_MAX_MEMORY"] = "1G" }, "eval", "--max-memory", "256M", "-E", HugeList);
        AssertMemoryLimitError(run);
    }

    [Fact]
    public void Within_the_limit_evaluation_is_unchanged()
    {
        var run = CliProcess.Run("eval", "--max-memory", "256M", "-E", "builtins.length (builtins.genList (x: x) 100000)");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("100000\n", run.Stdout);
    }

    [Theory]
    [InlineData("let f = n: if n == 0 then null else { a = f (n - 1); }; in f 50000")]
    [InlineData("let f = n: if n == 0 then null else [ (f (n - 1)) ]; in f 50000")]
    public void Xml_too_large_for_the_limit_is_a_located_error_before_memory_runs_out(string deepValue)
    {
        // Two-space indentation per level: 50,000 levels would be gigabytes of XML.
        var run = CliProcess.Run("eval", "--max-memory", "256M", "--xml", "--strict", "-E", deepValue);
        AssertMemoryLimitError(run);
        Assert.Contains("at «string»:1:1:", run.Stderr);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5M")]
    [InlineData("12X")]
    public void A_value_that_is_not_a_usable_size_is_a_usage_error(string size)
    {
        var run = CliRun.Invoke("eval", "--max-memory", size, "-E", "1");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"--max-memory '{size}'", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_bad_environment_value_is_a_usage_error_naming_the_variable()
    {
        var run = CliProcess.Run(new Dictionary<string, string> { ["CONFIGLANG_MAX_MEMORY"] = "lots" }, "eval", "-E", "1");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("CONFIGLANG_MAX_MEMORY 'lots'", run.Stderr);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("lint")]
    [InlineData("show")]
    [InlineData("preview")]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void Every_evaluating_command_documents_the_flag(string command)
    {
        var run = CliRun.Invoke(command, "--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--max-memory", run.Stdout);
        Assert.Contains("CONFIGLANG_MAX_MEMORY", run.Stdout);
    }

    private static void AssertMemoryLimitError(CliRun run)
    {
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("exceeded the memory limit of 256 MiB", run.Stderr);
        Assert.Contains("--max-memory or CONFIGLANG_MAX_MEMORY", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
