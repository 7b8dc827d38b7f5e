using System.CommandLine;
using ConfigLang.Cli.Composition;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// An unknown flag is a usage error (exit 2) naming the flag on every command, even where a FILE
/// or PATH argument would otherwise have taken it for a file name; nothing runs.
/// </summary>
public sealed class UnknownFlagTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("configlang-flags-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Config()
    {
        var file = Path.Combine(_directory, "host.nix");
        File.WriteAllText(file, "{ ... }: { }\n");
        return file;
    }

    [Fact]
    public void Eval_with_an_expression_rejects_an_unknown_flag_instead_of_printing_the_value()
    {
        var run = CliRun.Invoke("eval", "--bogus", "-E", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("error[CL9001]: unknown flag '--bogus' for 'configlang eval'\n", run.Stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("show")]
    [InlineData("options")]
    [InlineData("lint")]
    [InlineData("preview")]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void Every_command_calls_an_unknown_flag_a_flag_not_a_missing_file(string command)
    {
        var run = CliRun.Invoke(command, "--bogus", Config());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"unknown flag '--bogus' for 'configlang {command}'", run.Stderr);
        Assert.DoesNotContain("does not exist", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void An_unknown_flag_after_the_file_and_one_with_a_value_are_named_as_typed()
    {
        var run = CliRun.Invoke("preview", Config(), "--now=2030-01-01", "--jsno");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown flag '--jsno'", run.Stderr);
        Assert.Contains("did you mean '--json'?", run.Stderr);
        Assert.DoesNotContain("--now", run.Stderr);
    }

    [Fact]
    public void A_flag_typed_twice_is_named_once_whether_an_argument_took_it_or_not()
    {
        // The first --bogus fills eval's FILE argument, the second is left unmatched: one report.
        var run = CliRun.Invoke("eval", "--bogus", "--bogus", "--strcit", "-E", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var lines = run.Stderr.ReplaceLineEndings("\n").Split('\n');
        Assert.Single(lines, l => l == "error[CL9001]: unknown flag '--bogus' for 'configlang eval'");
        Assert.Single(lines, l => l == "error[CL9001]: unknown flag '--strcit' for 'configlang eval'");
        Assert.True(Array.IndexOf(lines, "error[CL9001]: unknown flag '--bogus' for 'configlang eval'")
            < Array.IndexOf(lines, "error[CL9001]: unknown flag '--strcit' for 'configlang eval'"), "reported in the order typed");
    }

    [Theory]
    [InlineData("eval", "--strcit", "--strict")]
    [InlineData("eval", "--evl", null)]
    [InlineData("lint", "--warning-as-errors", "--warnings-as-errors")]
    [InlineData("rebuild", "--dryrun", "--dry-run")]
    [InlineData("show", "--bogus", null)]
    public void A_near_miss_gets_a_suggestion_and_a_far_one_none(string command, string flag, string? suggestion)
    {
        var run = CliRun.Invoke(command, flag, Config());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        if (suggestion is null) Assert.DoesNotContain("did you mean", run.Stderr);
        else Assert.Contains($"did you mean '{suggestion}'?", run.Stderr);
    }

    [Fact]
    public void Hidden_flags_are_accepted_but_never_suggested()
    {
        // --eval is one of nix-instantiate's no-ops eval accepts; it stays out of suggestions.
        Assert.Empty(UnknownFlags.Suggest("--evl", ["--expr", "-E", "--strict"]));
        Assert.Equal(["--eval"], UnknownFlags.Suggest("--evl", ["--eval"]));
    }

    [Fact]
    public void Nix_instantiates_no_op_flags_stay_accepted_by_eval()
    {
        var run = CliRun.Invoke("eval", "--eval", "--eval-only", "--read-write-mode", "--readonly-mode", "--impure",
            "--extra-experimental-features", "parse-toml-timestamps", "--timeout", "10", "--option", "cores", "4", "--strict", "-E", "1 + 1");

        Assert.Equal("", run.Stderr);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("2\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_option_value_that_starts_with_a_dash_is_the_options_value()
    {
        var run = CliRun.Invoke("eval", "-E", "-1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("-1\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_file_named_like_a_flag_can_follow_a_double_dash()
    {
        File.WriteAllText(Path.Combine(_directory, "-odd.nix"), "40 + 2");

        var run = CliProcess.RunIn(_directory, null, "eval", "--", "-odd.nix");

        Assert.Equal("", run.Stderr);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("42\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_lone_dash_is_an_argument_and_a_dashed_word_a_flag()
    {
        var file = new Argument<string?>("FILE") { Arity = ArgumentArity.ZeroOrOne };
        var command = new RootCommand { file };

        Assert.Empty(UnknownFlags.Find(command.Parse(["-"])));
        Assert.Equal("-x", Assert.Single(UnknownFlags.Find(command.Parse(["-x"]))).Flag);
    }
}
