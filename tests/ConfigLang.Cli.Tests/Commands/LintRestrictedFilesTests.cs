using System.Text.RegularExpressions;
using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang lint</c> lets a configuration read only the files under the current directory,
/// the linted files' directories and <c>--allow-path</c> folders (symlinks judged by where they
/// lead); <c>--impure</c> lifts that. Real process runs, as CI runs lint on a pull request.
/// </summary>
public sealed class LintRestrictedFilesTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-lint-files-");
    private readonly string _repo;
    private readonly string _outside;

    public LintRestrictedFilesTests()
    {
        _repo = Directory.CreateDirectory(Path.Combine(_folder.Path, "repo", "hosts")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_folder.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "s3cret-9d1");
    }

    public void Dispose() => _folder.Dispose();

    private string RepoRoot => Path.GetDirectoryName(_repo)!;

    // A host whose email is an error message built from what the program reads, on line 2.
    private string HostThrowing(string expression)
    {
        var file = Path.Combine(_repo, "host.nix");
        File.WriteAllText(file, "{ ... }: { security.acme.acceptTerms = true;\n" +
            $"  security.acme.certs.\"a.example\".email = throw (\"[\" + {expression} + \"]\"); }}\n");
        return file;
    }

    [Fact]
    public void Reading_etc_passwd_is_refused_at_the_expression()
    {
        var file = HostThrowing("builtins.readFile /etc/passwd");

        var run = CliProcess.RunIn(_repo, null, "lint", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"error[{EvaluationDiagnostics.PathForbidden}]", run.Stderr);
        Assert.Contains("access to absolute path '/etc/passwd' is forbidden in restricted mode", run.Stderr);
        Assert.Contains("--allow-path", run.Stderr);
        Assert.Matches(@"host\.nix:2:\d+", run.Stderr);
        Assert.DoesNotContain("root:", run.Stderr);
    }

    [Fact]
    public void A_symlink_in_the_repository_leading_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "innocent.txt"), Path.Combine(_outside, "secret.txt"));
        var file = HostThrowing("builtins.readFile ./innocent.txt");

        var run = CliProcess.RunIn(_repo, null, "lint", file);

        Assert.Contains($"error[{EvaluationDiagnostics.PathForbidden}]", run.Stderr);
        Assert.DoesNotContain("s3cret", run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_probe_outside_is_an_error_not_an_answer()
    {
        var file = HostThrowing("(if builtins.pathExists /root/.ssh/id_ed25519 then \"yes\" else \"no\")");

        var run = CliProcess.RunIn(_repo, null, "lint", file);

        Assert.Contains($"error[{EvaluationDiagnostics.PathForbidden}]", run.Stderr);
        Assert.DoesNotMatch(@"\[(yes|no)\]", run.Stderr);
    }

    [Fact]
    public void A_module_imported_from_outside_is_refused()
    {
        File.WriteAllText(Path.Combine(_outside, "module.nix"), "{ security.acme.acceptTerms = true; }");
        var file = Path.Combine(_repo, "host.nix");
        File.WriteAllText(file, $"{{ ... }}: {{ imports = [ {_outside}/module.nix ]; }}\n");

        var run = CliProcess.RunIn(_repo, null, "lint", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"error[{EvaluationDiagnostics.PathForbidden}]", run.Stderr);
        Assert.Contains($"'{_outside}/module.nix'", run.Stderr);
    }

    [Fact]
    public void Importing_a_file_of_the_current_directory_from_a_subfolder_works()
    {
        File.WriteAllText(Path.Combine(RepoRoot, "common.nix"), "\"ops@a.example\"");
        var file = HostThrowing("import ../common.nix");

        var run = CliProcess.RunIn(RepoRoot, null, "lint", file);

        Assert.Contains("[ops@a.example]", run.Stderr);
        Assert.DoesNotContain(EvaluationDiagnostics.PathForbidden, run.Stderr);
    }

    [Fact]
    public void Linting_from_a_subfolder_of_a_git_work_tree_allows_its_root()
    {
        // cd hosts && lint web.nix, importing ../modules/x.nix: neither hosts/ nor the file's folder holds it.
        Directory.CreateDirectory(Path.Combine(RepoRoot, ".git"));
        var modules = Directory.CreateDirectory(Path.Combine(RepoRoot, "modules")).FullName;
        File.WriteAllText(Path.Combine(modules, "x.nix"), "\"ops@a.example\"");
        HostThrowing("import ../modules/x.nix");

        var run = CliProcess.RunIn(_repo, null, "lint", "host.nix");

        Assert.Contains("[ops@a.example]", run.Stderr);
        Assert.DoesNotContain(EvaluationDiagnostics.PathForbidden, run.Stderr);
    }

    [Fact]
    public void A_current_directory_of_the_root_allows_nothing_more()
    {
        var file = HostThrowing($"builtins.readFile {_outside}/secret.txt");

        var run = CliProcess.RunIn("/", null, "lint", file);

        Assert.Contains($"error[{EvaluationDiagnostics.PathForbidden}]", run.Stderr);
        Assert.DoesNotContain("s3cret-9d1", run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_cluster_key_file_outside_is_not_judged_under_lint_but_is_under_impure()
    {
        // Its content (empty? base64? size?) would otherwise answer a probe the evaluation refuses.
        var key = Path.Combine(_outside, "cluster.key");
        File.WriteAllText(key, "not-a-key");
        var file = Path.Combine(_repo, "host.nix");
        File.WriteAllText(file, "{ security.acme.acceptTerms = true; security.acme.defaults.email = \"ops@example.org\";\n" +
            "  security.acme.certs.\"example.org\".dnsProvider = \"cloudflare\";\n" +
            $"  security.acme.cluster = {{ enable = true; endpoints = [ \"http://127.0.0.1:2379\" ]; encryptionKeyFile = \"{key}\"; }}; }}\n");

        var restricted = CliProcess.RunIn(_repo, null, "lint", file);
        var impure = CliProcess.RunIn(_repo, null, "lint", "--impure", file);

        Assert.DoesNotContain(ConfigLang.Host.LintCodes.ClusterEncryptionKeyMalformed, restricted.Stdout + restricted.Stderr);
        Assert.Contains($"error[{ConfigLang.Host.LintCodes.ClusterEncryptionKeyMalformed}]", impure.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_credentials_file_in_an_I_folder_is_checked_as_the_evaluation_may_read_it()
    {
        // World-readable (CL3013) and without INWX_PASSWORD (CL3017); -I lets the evaluation read it, so the checks look too.
        var env = Path.Combine(_outside, "inwx.env");
        File.WriteAllText(env, "INWX_USERNAME=hunter\n");
        File.SetUnixFileMode(env, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var file = Path.Combine(_repo, "host.nix");
        File.WriteAllText(file, "{ security.acme.acceptTerms = true; security.acme.defaults.email = \"ops@example.org\";\n" +
            $"  security.acme.certs.\"example.org\" = {{ dnsProvider = \"inwx\"; environmentFile = \"{env}\"; }}; }}\n");

        var withInclude = CliProcess.RunIn(_repo, null, "lint", "-I", _outside, file);
        var without = CliProcess.RunIn(_repo, null, "lint", file);
        var impure = CliProcess.RunIn(_repo, null, "lint", "--impure", file);

        Assert.Contains($"error[{ConfigLang.Host.LintCodes.CredentialsReadableByOthers}]", withInclude.Stderr);
        Assert.Contains($"error[{ConfigLang.Host.LintCodes.DnsCredentialsMissing}]", withInclude.Stderr);
        Assert.DoesNotContain(ConfigLang.Host.LintCodes.CredentialsReadableByOthers, without.Stdout + without.Stderr);
        Assert.DoesNotContain(ConfigLang.Host.LintCodes.DnsCredentialsMissing, without.Stdout + without.Stderr);
        // The same configuration reaches the checks when nothing is restricted: only the folders made the difference.
        Assert.Equal(impure.ExitCode, withInclude.ExitCode);
        Assert.Contains($"error[{ConfigLang.Host.LintCodes.CredentialsReadableByOthers}]", impure.Stderr);
    }

    [Fact]
    public void A_file_named_inside_a_repository_environment_file_is_not_judged_under_lint_but_is_under_impure()
    {
        // CF_TTL_FILE in the repository's env file would otherwise ask whether an outside file is readable and a whole number.
        var ttl = Path.Combine(_outside, "ttl");
        File.WriteAllText(ttl, "60s\n");
        var env = Path.Combine(_repo, "cloudflare.env");
        File.WriteAllText(env, $"CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL_FILE={ttl}\n");
        var file = Path.Combine(_repo, "host.nix");
        File.WriteAllText(file, "{ security.acme.acceptTerms = true; security.acme.defaults.email = \"ops@example.org\";\n" +
            $"  security.acme.certs.\"example.org\" = {{ dnsProvider = \"cloudflare\"; environmentFile = \"{env}\"; }}; }}\n");

        var restricted = CliProcess.RunIn(_repo, null, "lint", file);
        var impure = CliProcess.RunIn(_repo, null, "lint", "--impure", file);

        Assert.DoesNotContain(ConfigLang.Host.LintCodes.DnsVariableRefused, restricted.Stdout + restricted.Stderr);
        Assert.Contains($"error[{ConfigLang.Host.LintCodes.DnsVariableRefused}]", impure.Stderr);
    }

    [Fact]
    public void Allow_path_and_impure_let_a_read_through()
    {
        var file = HostThrowing($"builtins.readFile {_outside}/secret.txt");

        var allowed = CliProcess.RunIn(_repo, null, "lint", "--allow-path", _outside, file);
        var impure = CliProcess.RunIn(_repo, null, "lint", "--impure", file);

        Assert.Contains("[s3cret-9d1]", allowed.Stderr);
        Assert.Contains("[s3cret-9d1]", impure.Stderr);
    }

    [Fact]
    public void The_help_names_the_new_options()
    {
        var run = CliProcess.Run("lint", "--help");

        Assert.Contains("--allow-path", run.Stdout);
        Assert.Contains("--impure", run.Stdout);
    }
}
