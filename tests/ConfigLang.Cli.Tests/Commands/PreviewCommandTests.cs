using ConfigLang.Host;
using System.Text.Json.Nodes;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Tests.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang preview</c>: the contract's JSON for an example (golden), and the planner's
/// action following what a temporary root holds (nothing, a placeholder, an issued certificate).
/// </summary>
public sealed class PreviewCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Host = Path.Combine(RepositoryRoot.Path, "examples", "http01-nginx", "host.nix");
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("configlang-preview-");

    public void Dispose() => _root.Delete(recursive: true);

    private CliRun Preview(params string[] extra) =>
        CliRun.Invoke(["preview", Host, "--root", _root.FullName, "--now", "2026-11-29T00:00:00Z", .. extra]);

    private static CertificateRequest Request()
    {
        var linted = new HostLinter([]).Run<object?>(Host, new EvaluatorOptions(), "/", null);
        Assert.DoesNotContain(linted.Diagnostics, d => d.IsError);
        return Assert.Single(linted.Requests!);
    }

    private JsonNode Certificate()
    {
        var run = Preview("--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Assert.Single(JsonNode.Parse(run.Stdout)!["certificates"]!.AsArray())!;
    }

    [Fact]
    public void Json_of_an_example_matches_the_contract_golden()
    {
        var run = Preview("--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        GoldenFile.AssertMatches("preview/http01-nginx.json", run.Stdout);
    }

    [Fact]
    public void A_password_in_the_server_url_is_shown_nowhere()
    {
        var host = Path.Combine(_root.FullName, "host.nix");
        File.WriteAllText(host, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "minimal", "host.nix"))
            .Replace("acceptTerms = true;", "acceptTerms = true;\n    defaults.server = \"https://eab:hunter2@acme.test/dir\";", StringComparison.Ordinal));

        var json = CliRun.Invoke("preview", host, "--root", _root.FullName, "--json");
        var text = CliRun.Invoke("preview", host, "--root", _root.FullName);

        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.Equal("https://eab:***@acme.test/dir", (string)JsonNode.Parse(json.Stdout)!["certificates"]![0]!["server"]!);
        Assert.DoesNotContain("hunter2", json.Stdout + json.Stderr + text.Stdout + text.Stderr);
    }

    [Fact]
    public void A_placeholder_on_disk_is_still_issued_for_real()
    {
        new CertificateStore(_root.FullName).InstallPlaceholder(Request(), Now);
        var cert = Certificate();
        Assert.Equal("issue", (string)cert["action"]!);
        Assert.NotEqual("no certificate on disk", (string)cert["reason"]!);
    }

    [Fact]
    public void An_issued_certificate_is_kept_and_renewed_inside_the_window()
    {
        var request = Request();
        var store = new CertificateStore(_root.FullName);
        store.Install(request, IssuedCertificates.Issue(request.Domains.Select(d => d.Value), Now.AddDays(-30), Now.AddDays(60)));
        var kept = Certificate();
        Assert.Equal("keep", (string)kept["action"]!);
        Assert.Equal("2027-01-28T00:00:00Z", (string)kept["notAfter"]!);

        store.Install(request, IssuedCertificates.Issue(request.Domains.Select(d => d.Value), Now.AddDays(-80), Now.AddDays(10)));
        Assert.Equal("renew", (string)Certificate()["action"]!);
    }

    [Fact]
    public void The_table_names_each_certificate_and_its_action()
    {
        var run = Preview();
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("CERTIFICATE", lines[0]);
        Assert.Matches(@"^example\.org\s+issue\s+http-01\s+example\.org, mail\.example\.org, www\.example\.org\s+-\s+no certificate on disk$", lines[1]);
    }

    [Fact]
    public void A_configuration_with_errors_is_not_planned()
    {
        var run = CliRun.Invoke("preview", Path.Combine(RepositoryRoot.Path, "examples", "broken", "no-email.nix"), "--root", _root.FullName);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("CL3001", run.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Credentials_under_the_root_that_others_can_read_stop_the_preview()
    {
        var host = Path.Combine(_root.FullName, "host.nix");
        File.WriteAllText(host, """
            { ... }: {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@example.org";
              security.acme.certs."example.org" = {
                dnsProvider = "cloudflare";
                environmentFile = "/run/secrets/cloudflare.env";
              };
            }
            """);
        var secret = Path.Combine(_root.FullName, "run", "secrets", "cloudflare.env");
        SecretFile.Write(secret, "CLOUDFLARE_DNS_API_TOKEN=x\n");

        var quiet = CliRun.Invoke("preview", host, "--root", _root.FullName);
        Assert.True(quiet.ExitCode == ExitCodes.Ok, quiet.Stderr);

        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var stopped = CliRun.Invoke("preview", host, "--root", _root.FullName);
        Assert.Equal(ExitCodes.InputErrors, stopped.ExitCode);
        Assert.Contains("CL3013", stopped.Stderr);
        Assert.Contains("/run/secrets/cloudflare.env", stopped.Stderr);
    }
}
