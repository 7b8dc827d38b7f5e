using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Lint runs on untrusted pull requests and prints what they wrote: a throw's message with an ESC
/// (a colour here, a title, a screen clear or a cursor move elsewhere) and a right-to-left override
/// in the source line reach the terminal and the CI log shown (<c>\u001b</c>, <c>\u202e</c>), never raw.
/// </summary>
public sealed class UntrustedTextOutputTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-untrusted-");

    public void Dispose() => _folder.Dispose();

    // The override sits in a comment on the line the excerpt shows; the ESC is in the thrown message.
    private string Hostile() => _folder.Write("r.nix",
        "{ security.acme.acceptTerms = true; security.acme.certs.\"a.example\".email = /* \u202e */ throw \"bad \u001b[31mred\"; }\n");

    private static void AssertShownEscaped(string output)
    {
        Assert.Contains("bad \\u001b[31mred", output);
        Assert.DoesNotContain(output, TerminalText.IsEscaped);
    }

    [Fact]
    public void Lint_text_shows_the_message_and_the_source_line_escaped()
    {
        var run = CliRun.Invoke("lint", Hostile());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        AssertShownEscaped(run.Stderr);
        Assert.Contains("/* \\u202e */ throw \"bad \\u001b[31mred\"", run.Stderr);
    }

    [Fact]
    public void Lint_github_format_escapes_the_message_before_the_workflow_command_escaping()
    {
        var run = CliRun.Invoke("lint", "--format", "github", Hostile());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        AssertShownEscaped(run.Stdout);
        Assert.Contains(",title=CL1005::bad \\u001b[31mred\n", run.Stdout);
    }

    [Fact]
    public void Preview_text_shows_the_lint_errors_escaped()
    {
        using var root = new ScratchFolder("configlang-untrusted-root-");
        var run = CliRun.Invoke("preview", Hostile(), "--root", root.Path);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        AssertShownEscaped(run.Stderr + run.Stdout);
        Assert.Contains("/* \\u202e */ throw", run.Stderr);
    }

    [Fact]
    public void Show_prints_a_string_value_with_its_control_characters_escaped()
    {
        var file = _folder.Write("s.nix", "{ security.acme.acceptTerms = true; security.acme.defaults.email = \"a\u001b]0;title\u0007@example.org\"; }\n");
        var run = CliRun.Invoke("show", file, "security.acme.defaults.email");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("a\\u001b]0;title\\u0007@example.org", run.Stdout);
        Assert.DoesNotContain(run.Stdout, TerminalText.IsEscaped);
    }
}
