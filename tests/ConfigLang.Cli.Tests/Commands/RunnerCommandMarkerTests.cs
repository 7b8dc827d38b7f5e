using ConfigLang.Cli.Tests.Support;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A CI runner obeys a line that starts (after whitespace) with <c>::</c>, or holds <c>##[</c> or <c>##vso[</c> anywhere: a certificate named
/// <c>::error file=x::forged</c> in a preview or rebuild table row, or a thrown message with a line break, would
/// forge annotations, masks or variables. Every command but <c>eval</c> and <c>lint --format github</c> prints such
/// a line with its first marker character escaped, on both streams, with no state to restore afterwards.
/// Process runs: the guard sits over the process's own console writers.
/// </summary>
public sealed class RunnerCommandMarkerTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-marker-");

    public void Dispose() => _folder.Dispose();

    // The names pass CertificateName and lint: each has its own domain and the host answers HTTP-01 itself.
    private string ForgedNames() => _folder.Write("names.nix", """
        {
          security.acme.acceptTerms = true;
          security.acme.defaults.email = "admin@example.org";
          security.acme.defaults.listenHTTP = ":80";
          networking.firewall.allowedTCPPorts = [ 80 ];
          security.acme.certs."::error file=x::forged".domain = "a.example";
          security.acme.certs."##vso[task.setvariable variable=x]y".domain = "b.example";
          security.acme.certs."c ##[add-mask]z".domain = "c.example";
        }
        """);

    private string ForgedMessage() => _folder.Write("message.nix",
        "{ security.acme.acceptTerms = true; security.acme.certs.\"a.example\".email = throw \"bad\\n  ::warning::x\"; }\n");

    private static void AssertNoRunnerCommand(string output)
    {
        foreach (var line in output.Split('\n', '\r'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal)
                || line.Contains("##vso[", StringComparison.OrdinalIgnoreCase), output);
        }
    }

    [Fact]
    public void Preview_shows_the_forged_names_with_their_first_marker_character_escaped()
    {
        using var root = new ScratchFolder("configlang-marker-root-");
        var run = CliProcess.Run("preview", ForgedNames(), "--root", root.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        AssertNoRunnerCommand(run.Stdout);
        AssertNoRunnerCommand(run.Stderr);
        Assert.Contains("\n\\u003a:error file=x::forged ", run.Stdout);
        Assert.Contains("\n\\u0023#vso[task.setvariable variable=x]y ", run.Stdout);
        Assert.Contains("\nc \\u0023#[add-mask]z ", run.Stdout);
    }

    [Fact]
    public void Rebuild_dry_run_shows_the_forged_names_escaped_in_its_table_and_its_progress()
    {
        using var root = new ScratchFolder("configlang-marker-root-");
        var run = CliProcess.Run("rebuild", ForgedNames(), "--root", root.Path, "--dry-run", "--service-manager", "none");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        AssertNoRunnerCommand(run.Stdout);
        AssertNoRunnerCommand(run.Stderr);
        Assert.Contains("\\u003a:error file=x::forged: skipped", run.Stderr);
        Assert.Contains("\\u0023#vso[task.setvariable variable=x]y: skipped", run.Stderr);
        Assert.Contains("c \\u0023#[add-mask]z: skipped", run.Stderr);
    }

    [Fact]
    public void Lint_text_shows_a_thrown_message_line_that_forges_a_warning_escaped()
    {
        var run = CliProcess.Run("lint", ForgedMessage());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        AssertNoRunnerCommand(run.Stderr);
        Assert.Contains("\n  \\u003a:warning::x\n", run.Stderr);
    }

    [Fact]
    public void Lint_github_format_still_starts_its_lines_with_its_commands()
    {
        var run = CliProcess.Run("lint", "--format", "github", ForgedMessage());

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.StartsWith("::error file=", run.Stdout);
        Assert.Contains("bad%0A  ::warning::x\n", run.Stdout);
    }

    [Fact]
    public void Lint_github_format_escapes_the_markers_its_annotations_carry()
    {
        // Azure and GitHub's older parser obey ##vso[ and ##[ anywhere in a line, inside an annotation too.
        var message = _folder.Write("message.nix",
            "{ security.acme.acceptTerms = true; security.acme.certs.\"a.example\".email = throw \"bad ##vso[task.setvariable variable=x]y\"; }\n");
        var named = _folder.Write("n##[add-mask]z.nix",
            "{ security.acme.acceptTerms = true; security.acme.certs.\"##[add-mask]z\".domain = \"b.example\"; }\n");

        var run = CliProcess.Run("lint", "--format", "github", message, named);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        // An annotation per error (the throw; the second file's failed assertions), then the summary.
        Assert.All(lines[..^1], line => Assert.StartsWith("::error file=", line));
        Assert.Equal($"{lines.Length - 1} errors, 0 warnings", lines[^1]);
        foreach (var line in lines)
        {
            Assert.DoesNotContain("##[", line);
            Assert.DoesNotContain("##vso[", line);
        }
        Assert.Contains("bad \\u0023#vso[task.setvariable variable=x]y", run.Stdout);
        Assert.Contains("/n\\u0023#[add-mask]z.nix,", run.Stdout);
        Assert.Contains("`security.acme.certs.\"\\u0023#[add-mask]z\".", run.Stdout);
    }

    [Fact]
    public void Eval_prints_as_Nix_does_markers_and_all()
    {
        var run = CliProcess.Run("eval", "-E", "throw \"a\\n::warning::x\"");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error: a\n       ::warning::x", run.Stderr);
    }
}
