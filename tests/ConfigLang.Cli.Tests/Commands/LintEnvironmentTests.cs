using ConfigLang.Cli.Tests.Support;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang lint</c> runs on untrusted pull requests and prints into CI logs: the program
/// sees no environment variables (as in Nix's pure evaluation), so an error message cannot carry
/// the runner's secrets; <c>--impure</c> gives them back. Real process runs, with the variables
/// set in the child's environment.
/// </summary>
public sealed class LintEnvironmentTests : IDisposable
{
    private const string Secret = "hunter2-7f3a";

    private readonly ScratchFolder _folder = new("configlang-lint-env-");

    public void Dispose() => _folder.Dispose();

    // A host whose email is an error message built from what the program can read.
    private string HostThrowing(string expression) => _folder.Write("host.nix",
        "{ ... }: { security.acme.acceptTerms = true;\n" +
        $"  security.acme.certs.\"a.example\".email = throw (\"[\" + {expression} + \"]\"); }}\n");

    [Fact]
    public void GetEnv_of_a_set_variable_is_empty_under_lint()
    {
        var file = HostThrowing("builtins.getEnv \"SECRET_TOKEN\"");

        var run = CliProcess.Run(new Dictionary<string, string> { ["SECRET_TOKEN"] = Secret }, "lint", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("[]", run.Stderr);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr);
    }

    [Fact]
    public void GetEnv_of_a_set_variable_is_its_value_under_impure()
    {
        var file = HostThrowing("builtins.getEnv \"SECRET_TOKEN\"");

        var run = CliProcess.Run(new Dictionary<string, string> { ["SECRET_TOKEN"] = Secret }, "lint", "--impure", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"[{Secret}]", run.Stderr);
    }

    [Fact]
    public void A_home_path_does_not_resolve_under_lint()
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder.Path, "home")).FullName;
        File.WriteAllText(Path.Combine(home, "token"), Secret);
        var file = HostThrowing("builtins.readFile ~/token");

        var run = CliProcess.Run(new Dictionary<string, string> { ["HOME"] = home }, "lint", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("HOME is not set", run.Stderr);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_nix_path_entry_from_the_environment_is_not_seen_under_lint()
    {
        var secrets = Directory.CreateDirectory(Path.Combine(_folder.Path, "secrets")).FullName;
        File.WriteAllText(Path.Combine(secrets, "token"), Secret);
        var file = HostThrowing("builtins.readFile <secrets/token>");
        var environment = new Dictionary<string, string> { ["NIX_PATH"] = "secrets=" + secrets };

        var pure = CliProcess.Run(environment, "lint", file);
        var impure = CliProcess.Run(environment, "lint", "--impure", file);

        Assert.Equal(ExitCodes.InputErrors, pure.ExitCode);
        Assert.Contains("secrets/token", pure.Stderr);
        Assert.DoesNotContain(Secret, pure.Stdout + pure.Stderr);
        Assert.Contains($"[{Secret}]", impure.Stderr);
    }

    [Fact]
    public void An_include_entry_on_the_command_line_still_resolves_under_lint()
    {
        // shared is neither under the current directory nor the linted file's: only -I lets it be read.
        var shared = Directory.CreateDirectory(Path.Combine(_folder.Path, "shared")).FullName;
        File.WriteAllText(Path.Combine(shared, "email.nix"), "\"ops@a.example\"");
        var hosts = Directory.CreateDirectory(Path.Combine(_folder.Path, "hosts")).FullName;
        var file = Path.Combine(hosts, "host.nix");
        File.Move(HostThrowing("import <shared/email.nix>"), file);

        var run = CliProcess.RunIn(hosts, null, "lint", "-I", "shared=" + shared, file);

        Assert.Contains("[ops@a.example]", run.Stderr);
    }
}
