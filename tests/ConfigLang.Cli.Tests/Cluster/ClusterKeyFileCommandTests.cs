using ConfigLang.Host;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// The cluster's encryption key file as the commands read it: <c>preview --root</c> judges the
/// file below its root (a malformed key stops it with exit 1 before any planning, the content
/// never printed), <c>lint</c> reads the path as it is and says nothing where the file is absent.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterKeyFileCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-cl3019-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Content = "hunter2-not-a-key";

    private string Host()
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, """
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.certs."example.org".dnsProvider = "cloudflare";
              security.acme.cluster = {
                enable = true;
                endpoints = [ "http://127.0.0.1:2379" ];
                encryptionKeyFile = "/run/secrets/acme-cluster.key";
              };
            }
            """);
        return path;
    }

    [Fact]
    public void Preview_reads_the_key_below_its_root_and_lint_without_the_file_says_nothing()
    {
        var root = _dir.CreateSubdirectory("root");
        var secrets = Directory.CreateDirectory(Path.Combine(root.FullName, "run", "secrets"));
        var key = Path.Combine(secrets.FullName, "acme-cluster.key");
        SecretFile.Write(key, Content);
        var host = Host();

        var preview = CliRun.Invoke("preview", host, "--root", root.FullName);
        Assert.Equal(ExitCodes.InputErrors, preview.ExitCode);
        Assert.Contains($"error[{LintCodes.ClusterEncryptionKeyMalformed}]", preview.Stderr);
        Assert.Contains($"--> {host}:8:5", preview.Stderr);
        Assert.DoesNotContain(Content, preview.Stderr + preview.Stdout);

        // Where lint runs (CI) /run/secrets/acme-cluster.key is absent: nothing to judge.
        var lint = CliRun.Invoke("lint", host);
        Assert.True(lint.ExitCode == ExitCodes.Ok, lint.Stderr);
        Assert.DoesNotContain("CL301", lint.Stderr);
    }
}
