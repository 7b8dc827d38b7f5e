namespace ConfigLang.Cli.Tests.Commands;

public sealed class UsageTests
{
    [Fact]
    public void Unknown_flag_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Invoke("--no-such-flag");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--no-such-flag", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Help_lists_every_command_and_the_exit_codes()
    {
        var run = CliRun.Invoke("--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("eval", run.Stdout);
        Assert.Contains("Exit codes", run.Stdout);
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void Help_of_rebuild_and_renew_documents_the_network_timeout_and_its_variable(string command)
    {
        var run = CliRun.Invoke(command, "--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--network-timeout, --timeout <SECONDS>", run.Stdout);
        Assert.Contains("CONFIGLANG_TIMEOUT", run.Stdout);
    }
}
