using ConfigLang.Acme.Storage;
using ConfigLang.Host;
using ConfigLang.Host.Checks;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// CL3018 and CL3019 on real files with real modes and owners below a root: the encryption key
/// file and the mutual-TLS key readable by others (or a group other than root) are warnings, an
/// encryption key that is not the base64 of 32 bytes is an error whose message never shows the
/// content; absent files, and links that would leave the root, say nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterSecretFilesCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("configlang-cl3018-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0640 = Mode0600 | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0644 = Mode0640 | UnixFileMode.OtherRead;

    // 32 bytes, base64.
    private static readonly string GoodKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) + "\n";

    private string Secret(string hostPath, string content, UnixFileMode mode)
    {
        var path = Path.Combine(_root, hostPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private HostFacts Facts(string? encryptionKeyFile = "/run/secrets/cluster.key", string? keyFile = null, bool enable = true) =>
        new HostFacts([], [], new Dictionary<string, UserFacts>(), new Dictionary<string, IReadOnlyList<string>>())
        {
            Cluster = ClusterFacts.Disabled with
            {
                Enable = enable, Endpoints = ["http://127.0.0.1:2379"], EncryptionKeyFile = encryptionKeyFile,
                CertFile = keyFile is null ? null : "/run/secrets/etcd.pem", KeyFile = keyFile,
            },
            Root = _root,
        };

    private static List<ConfigLang.Evaluator.Diagnostics.Diagnostic> Check(HostFacts facts) => [.. new ClusterSecretFilesCheck().Check(facts)];

    [Fact]
    public void A_world_readable_encryption_key_is_a_warning_with_its_mode_and_the_fix()
    {
        Secret("/run/secrets/cluster.key", GoodKey, Mode0644);
        var finding = Assert.Single(Check(Facts()));
        Assert.Equal(LintCodes.ClusterSecretReadable, finding.Code);
        Assert.False(finding.IsError);
        Assert.Equal("`security.acme.cluster.encryptionKeyFile' is /run/secrets/cluster.key, which every local user can read (mode 0644)", finding.Message);
        Assert.Contains(finding.Notes, n => n.Contains("chmod 0600 /run/secrets/cluster.key", StringComparison.Ordinal));
        Assert.Equal("security.acme.cluster.encryptionKeyFile", finding.Subject);
    }

    [Fact]
    public void Group_readable_is_a_warning_unless_the_group_is_root()
    {
        var path = Secret("/run/secrets/cluster.key", GoodKey, Mode0640);
        Chown(path, 0, 0);
        Assert.Empty(Check(Facts()));

        Chown(path, 0, 4321);
        var finding = Assert.Single(Check(Facts()));
        Assert.Equal(LintCodes.ClusterSecretReadable, finding.Code);
        Assert.Contains("which the members of group 4321 can read (mode 0640)", finding.Message);

        var named = Facts() with { GroupIds = new Dictionary<string, int?> { ["etcd"] = 4321 } };
        Assert.Contains("group \"etcd\" (4321)", Assert.Single(Check(named)).Message);
    }

    [Fact]
    public void The_mutual_tls_key_is_checked_for_readability_too()
    {
        Secret("/run/secrets/cluster.key", GoodKey, Mode0600);
        Secret("/run/secrets/etcd.key", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n", Mode0644);
        var finding = Assert.Single(Check(Facts(keyFile: "/run/secrets/etcd.key")));
        Assert.Equal(LintCodes.ClusterSecretReadable, finding.Code);
        Assert.Equal("security.acme.cluster.keyFile", finding.Subject);
    }

    [Theory]
    [InlineData("not base64 at all!!", "does not hold base64 text: it must hold a 32-byte key, base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "holds a 31-byte key; AES-256 needs 32 bytes (base64)")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", "holds a 33-byte key; AES-256 needs 32 bytes (base64)")]
    [InlineData(" \n", "is empty: it must hold a 32-byte key, base64")]
    public void A_malformed_encryption_key_is_an_error_that_does_not_show_it(string content, string problem)
    {
        Secret("/run/secrets/cluster.key", content, Mode0600);
        var finding = Assert.Single(Check(Facts()));
        Assert.Equal(LintCodes.ClusterEncryptionKeyMalformed, finding.Code);
        Assert.True(finding.IsError);
        Assert.Equal($"`security.acme.cluster.encryptionKeyFile' is /run/secrets/cluster.key, which {problem}; rebuild cannot encrypt or decrypt the shared private keys with it", finding.Message);
        if (content.Trim().Length > 0)
        {
            Assert.DoesNotContain(content, finding.Message);
            Assert.All(finding.Notes, n => Assert.DoesNotContain(content, n));
        }
    }

    [Fact]
    public void A_good_key_readable_by_root_only_says_nothing()
    {
        Secret("/run/secrets/cluster.key", GoodKey, Mode0600);
        Assert.Empty(Check(Facts()));
    }

    [Fact]
    public void Absent_files_and_a_disabled_cluster_say_nothing()
    {
        Assert.Empty(Check(Facts(keyFile: "/run/secrets/etcd.key")));
        Secret("/run/secrets/cluster.key", "short", Mode0644);
        Assert.Empty(Check(Facts(enable: false)));
    }

    [Fact]
    public void A_link_is_resolved_inside_the_root_never_out_of_it()
    {
        // A world-readable, malformed file outside the root, and a link to it by its absolute path.
        var outside = Directory.CreateTempSubdirectory("configlang-cl3018-outside-").FullName;
        try
        {
            var target = Path.Combine(outside, "cluster.key");
            File.WriteAllText(target, "short");
            File.SetUnixFileMode(target, Mode0644);
            Directory.CreateDirectory(Path.Combine(_root, "run", "secrets"));
            File.CreateSymbolicLink(Path.Combine(_root, "run", "secrets", "cluster.key"), target);
            Assert.Empty(Check(Facts()));

            // A file at the link's target path inside the root is what the link reaches.
            Secret(target[1..], "short", Mode0644);
            Assert.Equal([LintCodes.ClusterSecretReadable, LintCodes.ClusterEncryptionKeyMalformed], Check(Facts()).Select(f => f.Code));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private static void Chown(string path, int uid, int gid)
    {
        var files = new RootedFileSystem(Path.GetDirectoryName(path)!);
        using var directory = files.OpenRoot();
        using var entry = directory.TryOpenEntry(Path.GetFileName(path))!;
        directory.SetOwner(entry, Path.GetFileName(path), uid, gid);
    }
}
