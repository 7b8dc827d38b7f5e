using System.Text.RegularExpressions;
using ConfigLang.Cli.Tests.Support;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A message a pull request wrote with a line break and <c>::error file=x::forged</c> in it prints that
/// line at the start of a line. Under GitHub Actions (the CLI reads <c>GITHUB_ACTIONS=true</c> itself) the
/// output is wrapped in <c>::stop-commands::TOKEN</c> ... <c>::TOKEN::</c>, so the runner does not obey it;
/// the token is new on every run. <c>--format github</c> is not wrapped: its annotations must run.
/// </summary>
public sealed partial class WorkflowCommandPauseTests : IDisposable
{
    private static readonly Dictionary<string, string> GitHubActions = new() { ["GITHUB_ACTIONS"] = "true" };
    private const string Forged = "::error file=x::forged";

    private readonly ScratchFolder _folder = new("configlang-pause-");

    public void Dispose() => _folder.Dispose();

    private string Forging() => _folder.Write("h.nix",
        "{ security.acme.acceptTerms = true; security.acme.certs.\"a.example\".email = throw \"bad\\n" + Forged + "\"; }\n");

    [GeneratedRegex("^::stop-commands::([0-9a-f]{32})$")]
    private static partial Regex StopLine();

    /// <summary>The token of the stop line that opens <paramref name="stderr"/>, after checking that the
    /// forged line comes between it and the resume line that closes it.</summary>
    private static string AssertWrapped(string stderr)
    {
        var lines = stderr.Split('\n');
        Assert.Equal("", lines[^1]);
        var stop = StopLine().Match(lines[0]);
        Assert.True(stop.Success, stderr);
        var token = stop.Groups[1].Value;
        Assert.Equal($"::{token}::", lines[^2]);
        var forged = Array.IndexOf(lines, Forged);
        Assert.InRange(forged, 1, lines.Length - 3);
        return token;
    }

    [Fact]
    public void Lint_under_GitHub_Actions_prints_the_forged_line_between_stop_and_resume_with_a_new_token_each_run()
    {
        var file = Forging();
        var first = CliProcess.Run(GitHubActions, "lint", file);
        var second = CliProcess.Run(GitHubActions, "lint", file);

        Assert.Equal(ExitCodes.InputErrors, first.ExitCode);
        Assert.NotEqual(AssertWrapped(first.Stderr), AssertWrapped(second.Stderr));
    }

    [Fact]
    public void Preview_under_GitHub_Actions_is_wrapped_on_its_error_exit_too()
    {
        using var root = new ScratchFolder("configlang-pause-root-");
        var run = CliProcess.Run(GitHubActions, "preview", Forging(), "--root", root.Path);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        AssertWrapped(run.Stderr);
    }

    [Fact]
    public void Without_GitHub_Actions_there_is_no_stop_line()
    {
        var run = CliProcess.Run("lint", Forging());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("\n" + Forged + "\n", run.Stderr);
        Assert.DoesNotContain("::stop-commands::", run.Stderr + run.Stdout);
    }

    [Fact]
    public void The_github_format_is_not_wrapped_as_its_annotations_must_run()
    {
        var run = CliProcess.Run(GitHubActions, "lint", "--format", "github", Forging());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.StartsWith("::error file=", run.Stdout);
        Assert.Contains("bad%0A::error file=x::forged", run.Stdout);
        Assert.DoesNotContain("::stop-commands::", run.Stderr + run.Stdout);
    }
}
