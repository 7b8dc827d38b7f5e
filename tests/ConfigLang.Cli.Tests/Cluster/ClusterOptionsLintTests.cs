using System.Text.Json.Nodes;
using ConfigLang.Host;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// <c>security.acme.cluster</c> through <c>configlang lint</c> and <c>configlang options</c>: a
/// bad endpoint and each assertion are reported at the user's definition with file, line and
/// column; the options are documented.
/// </summary>
public sealed class ClusterOptionsLintTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-cluster-options-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Line 6 onwards is the cluster's body, one setting a line.
    private string Host(params string[] cluster)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.certs."example.org".dnsProvider = "cloudflare";
              security.acme.cluster = {
            {{string.Join("\n", cluster.Select(c => "    " + c))}}
              };
            }
            """);
        return path;
    }

    private static JsonObject Single(CliRun run, string code) =>
        Assert.Single(JsonNode.Parse(run.Stdout)!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == code)!.AsObject();

    private static (int Line, int Column) At(JsonObject finding) => ((int)finding["line"]!, (int)finding["column"]!);

    [Fact]
    public void A_bad_endpoint_is_a_type_error_at_its_definition()
    {
        var host = Host("enable = true;", "encryptionKeyFile = \"/run/secrets/acme-cluster.key\";", "endpoints = [ \"http://127.0.0.1:2379\" \"etcd2:2379\" ];");
        var run = CliRun.Invoke("lint", host);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error[CL2003]", run.Stderr);
        Assert.Contains("security.acme.cluster.endpoints", run.Stderr);
        Assert.Contains("\"etcd2:2379\"", run.Stderr);
        Assert.Contains($"--> {host}:8:5", run.Stderr);
    }

    [Fact]
    public void Enabled_without_endpoints_is_reported_at_enable()
    {
        var host = Host("encryptionKeyFile = \"/run/secrets/acme-cluster.key\";", "enable = true;");
        var run = CliRun.Invoke("lint", "--format", "json", host);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        var finding = Single(run, LintCodes.FailedAssertion);
        Assert.Contains("`security.acme.cluster.endpoints` is empty", (string)finding["message"]!);
        Assert.Equal(host, (string)finding["file"]!);
        Assert.Equal((7, 5), At(finding));
    }

    [Fact]
    public void Enabled_without_an_encryption_key_file_is_reported_at_enable()
    {
        var host = Host("endpoints = [ \"https://etcd1.example.org:2379\" ];", "enable = true;");
        var run = CliRun.Invoke("lint", "--format", "json", host);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        var finding = Single(run, LintCodes.FailedAssertion);
        Assert.Contains("`security.acme.cluster.encryptionKeyFile` is not set", (string)finding["message"]!);
        Assert.Equal((7, 5), At(finding));
    }

    [Theory]
    [InlineData("certFile = \"/run/secrets/etcd-client.pem\";")]
    [InlineData("keyFile = \"/run/secrets/etcd-client.key\";")]
    public void A_client_certificate_without_its_key_or_the_reverse_is_reported_at_the_one_set(string setting)
    {
        var host = Host("enable = true;", "endpoints = [ \"https://etcd1.example.org:2379\" ];",
            "encryptionKeyFile = \"/run/secrets/acme-cluster.key\";", setting);
        var run = CliRun.Invoke("lint", "--format", "json", host);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        var finding = Single(run, LintCodes.FailedAssertion);
        Assert.Contains("are set together", (string)finding["message"]!);
        Assert.Equal((9, 5), At(finding));
    }

    [Fact]
    public void A_complete_cluster_lints_clean()
    {
        var host = Host("enable = true;", "endpoints = [ \"https://etcd1.example.org:2379\" \"https://etcd2.example.org:2379\" ];",
            "encryptionKeyFile = \"/run/secrets/acme-cluster.key\";", "certFile = \"/run/secrets/etcd-client.pem\";", "keyFile = \"/run/secrets/etcd-client.key\";");
        var run = CliRun.Invoke("lint", host);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("0 errors, 0 warnings", run.Stderr);
    }

    [Fact]
    public void The_options_are_documented()
    {
        var run = CliRun.Invoke("options", "security.acme.cluster");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        foreach (var option in new[] { "enable", "endpoints", "caFile", "certFile", "keyFile", "prefix", "encryptionKeyFile", "lockTTL", "soleReceiver" })
            Assert.Contains($"security.acme.cluster.{option}", run.Stdout);
        Assert.Contains("Behind a shared name", run.Stdout);
        Assert.Contains("32-byte key (base64)", run.Stdout);
    }
}
