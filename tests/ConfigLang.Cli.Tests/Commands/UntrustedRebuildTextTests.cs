using ConfigLang.Acme.Execution;
using ConfigLang.Cli.Rendering.Rebuild;
using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Text rebuild and renew print besides their table: the certificate names a <c>--cert</c> error lists
/// (the configuration's) and a failing postRun's output (the program's) show their control characters escaped.
/// </summary>
public sealed class UntrustedRebuildTextTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-untrusted-rebuild-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_cert_error_lists_the_names_escaped()
    {
        // A raw literal holds no C# escapes: the ESC goes in through {Esc}.
        const string Esc = "\u001b";
        var file = _folder.Write("h.nix", $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@example.org";
              security.acme.defaults.listenHTTP = ":80";
              networking.firewall.allowedTCPPorts = [ 80 ];
              security.acme.certs."a{{Esc}}[2Jb".domain = "a.example";
            }
            """);
        using var root = new ScratchFolder("configlang-untrusted-rebuild-root-");
        var run = CliRun.Invoke("renew", file, "--root", root.Path, "--dry-run", "--service-manager", "none", "--cert", "nope");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("(it has: a\\u001b[2Jb)", run.Stderr);
        Assert.DoesNotContain(run.Stderr, TerminalText.IsEscaped);
    }

    [Fact]
    public void A_programs_output_keeps_its_lines_and_shows_its_control_characters_escaped()
    {
        var text = ProgramOutputText.Format(new OutputTail("first\n\u001b[2Jsecond\u009b1m", Truncated: false));

        Assert.Equal("  its output:\n  | first\n  | \\u001b[2Jsecond\\u009b1m\n", text);
    }
}
