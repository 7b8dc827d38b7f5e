using System.Runtime.Versioning;

using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>The store in a temporary root: layout, modes, ownership, atomic replacement, reading back.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CertificateStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0750 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                          | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private readonly TempRoot _root = new();
    private readonly CertificateRequest _request = Requests.Http("example.org", "www.example.org") with { Group = "nginx" };

    public void Dispose() => _root.Dispose();

    private string CertFile(string file) => _root.File_("var", "lib", "acme", "example.org", file);

    private CertificateMaterial Material(int daysLeft = 60, CertificateRequest? request = null)
    {
        var issued = TestCertificates.Issue(request ?? _request, Now.AddDays(daysLeft - 90), Now.AddDays(daysLeft));
        return CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem);
    }

    [Fact]
    public void Install_lays_out_the_nixos_files_with_their_modes()
    {
        var store = new CertificateStore(_root.Path);
        var material = Material();

        var result = store.Install(_request, material);

        Assert.True(result.CertificateChanged);
        Assert.Equal(_root.File_("var", "lib", "acme", "example.org"), result.Directory);
        Assert.Equal(Mode0750, File.GetUnixFileMode(result.Directory));
        foreach (var file in new[] { "fullchain.pem", "chain.pem", "key.pem", "full.pem", "configlang.stamp", "acme-success" })
        {
            Assert.Equal(Mode0640, File.GetUnixFileMode(CertFile(file)));
        }
        Assert.Equal(material.FullChainPem, File.ReadAllText(CertFile("fullchain.pem")));
        Assert.Equal(material.KeyPem, File.ReadAllText(CertFile("key.pem")));
        Assert.Equal(material.KeyPem + material.FullChainPem, File.ReadAllText(CertFile("full.pem")));
        Assert.Equal("fullchain.pem", new FileInfo(CertFile("cert.pem")).LinkTarget);
        Assert.Equal(material.FullChainPem, File.ReadAllText(CertFile("cert.pem")));
        Assert.Empty(Directory.GetFiles(result.Directory, ".*"));
    }

    [Fact]
    public void Chain_holds_the_issuers_without_the_leaf()
    {
        var issued = TestCertificates.Issue(_request, Now.AddDays(-30), Now.AddDays(60));
        var material = CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem);
        Assert.Equal(issued.IssuerPem, material.ChainPem);
        Assert.Null(material.LeafPem);
    }

    [Fact]
    public void Owner_and_group_come_from_the_root_etc_files()
    {
        var ownership = new FileOwnership(_root.Path, apply: Environment.IsPrivilegedProcess);
        var store = new CertificateStore(_root.Path, ownership);

        var result = store.Install(_request, Material());

        Assert.Contains(result.Ownership, c => c.Path == CertFile("key.pem") || c.Path.Contains(".key.pem.tmp-"));
        Assert.All(result.Ownership, c => Assert.Equal("acme", c.User));
        if (Environment.IsPrivilegedProcess)
        {
            Assert.All(result.Ownership, c => Assert.True(c.Applied));
            Assert.Equal(("acme", "nginx"), ownership.Get(CertFile("key.pem")));
            Assert.Equal(("acme", "nginx"), ownership.Get(CertFile("cert.pem")));
            Assert.Equal(("acme", "nginx"), ownership.Get(result.Directory));
        }
        else
        {
            Assert.All(result.Ownership, c => Assert.Equal("not running as root", c.Note));
        }
    }

    [Fact]
    public void Ownership_is_only_reported_when_not_applied()
    {
        var store = new CertificateStore(_root.Path, new FileOwnership(_root.Path, apply: false));
        var result = store.Install(_request, Material());

        Assert.NotEmpty(result.Ownership);
        Assert.All(result.Ownership, c => Assert.False(c.Applied));
        Assert.All(result.Ownership, c => Assert.Equal("not running as root", c.Note));
    }

    [Fact]
    public void Unknown_group_is_reported_and_the_certificate_still_installed()
    {
        var store = new CertificateStore(_root.Path, new FileOwnership(_root.Path, apply: true));
        var result = store.Install(_request with { Group = "caddy" }, Material());

        Assert.Contains(result.Ownership, c => !c.Applied && c.Note == "group 'caddy' is not in etc/group");
        Assert.True(File.Exists(CertFile("fullchain.pem")));
    }

    [Fact]
    public void Reinstalling_the_same_certificate_changes_nothing()
    {
        var store = new CertificateStore(_root.Path);
        var material = Material();
        store.Install(_request, material);
        // An hour back: a rewrite within the file system's timestamp tick would keep "now" unchanged. Compared
        // with the time as stored, which a file system with coarser timestamps (whole seconds) rounds.
        File.SetLastWriteTimeUtc(CertFile("fullchain.pem"), DateTime.UtcNow.AddHours(-1));
        var before = File.GetLastWriteTimeUtc(CertFile("fullchain.pem"));

        var again = store.Install(_request, material);

        Assert.False(again.CertificateChanged);
        Assert.Equal(before, File.GetLastWriteTimeUtc(CertFile("fullchain.pem")));
        Assert.True(store.Install(_request, Material(daysLeft: 80)).CertificateChanged);
    }

    [Fact]
    public void A_failure_midway_leaves_the_previous_certificate_intact()
    {
        var store = new CertificateStore(_root.Path);
        var old = Material();
        store.Install(_request, old);
        var oldFiles = Snapshot();

        var replaced = 0;
        store.BeforeReplace = _ => { if (++replaced == 3) throw new IOException("disk full (simulated)"); };
        Assert.Throws<IOException>(() => store.Install(_request, Material(daysLeft: 80)));

        Assert.Equal(oldFiles, Snapshot());
        Assert.Empty(Directory.GetFiles(CertFile(""), ".*"));
        var observed = store.Read("example.org")!;
        Assert.True(observed.IsUsable);
        Assert.Equal(Now.AddDays(60), observed.NotAfter);
    }

    [Fact]
    public void A_failed_first_install_leaves_no_files_behind()
    {
        var store = new CertificateStore(_root.Path) { BeforeReplace = _ => throw new IOException("simulated") };
        Assert.Throws<IOException>(() => store.Install(_request, Material()));
        Assert.Empty(Directory.GetFileSystemEntries(CertFile("")));
        Assert.Null(store.Read("example.org"));
    }

    [Fact]
    public void Keys_are_never_readable_beyond_owner_and_group_while_being_written()
    {
        var ownership = new FileOwnership(_root.Path);
        var store = new CertificateStore(_root.Path, ownership);
        var seen = new List<(string File, UnixFileMode Mode)>();
        store.BeforeReplace = target =>
        {
            foreach (var entry in Directory.GetFiles(Path.GetDirectoryName(target)!))
            {
                if (new FileInfo(entry).LinkTarget is not null) continue;
                seen.Add((Path.GetFileName(entry), File.GetUnixFileMode(entry)));
                if (ownership.Apply && Path.GetFileName(entry).StartsWith(".key.pem.tmp-", StringComparison.Ordinal))
                {
                    Assert.Equal(("acme", "nginx"), ownership.Get(entry));
                }
            }
        };

        store.Install(_request, Material());

        Assert.Contains(seen, s => s.File.StartsWith(".key.pem.tmp-", StringComparison.Ordinal));
        Assert.All(seen, s => Assert.Equal(UnixFileMode.None, s.Mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite)));
    }

    [Fact]
    public void Reading_an_installed_certificate_gives_what_the_planner_needs()
    {
        var store = new CertificateStore(_root.Path);
        store.Install(_request, Material());

        var observed = store.Read("example.org")!;

        Assert.Equal(_request.Domains, observed.Domains);
        Assert.Equal(Now.AddDays(60), observed.NotAfter);
        Assert.Equal(KeyType.Ec256, observed.KeyType);
        Assert.True(observed.IsUsable);
        Assert.False(observed.IsPlaceholder);
        Assert.Equal(_request.DomainHash, observed.RecordedDomainHash);
        Assert.Equal(_request.Account.Hash, observed.RecordedAccountHash);
        Assert.Equal(_request.CertDirHash, observed.RecordedCertDirHash);
        Assert.Equal(_request.Server, observed.RecordedServer);
        Assert.Contains("Pebble", observed.Issuer);

        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([_request], store.Read);
        Assert.Equal(PlanAction.Keep, plan.Steps[0].Action);
        var changed = new CertificatePlanner(new FakeClock(Now)).CreatePlan([_request with { Email = "new@example.org" }], store.Read);
        Assert.Equal(PlanAction.Reissue, changed.Steps[0].Action);
    }

    [Fact]
    public void Rsa_certificates_report_their_key_type()
    {
        var rsa = _request with { KeyType = KeyType.Rsa2048 };
        var store = new CertificateStore(_root.Path);
        store.Install(rsa, Material(request: rsa));
        Assert.Equal(KeyType.Rsa2048, store.Read("example.org")!.KeyType);
        Assert.True(store.Read("example.org")!.HasMatchingKey);
    }

    [Fact]
    public void Nothing_installed_reads_as_null()
    {
        Assert.Null(new CertificateStore(_root.Path).Read("example.org"));
    }

    [Theory]
    [InlineData("not a pem", null, "fullchain.pem holds no certificate")]
    [InlineData(null, "", "key.pem holds no EC or RSA private key")]
    [InlineData(null, "missing", "key.pem is missing")]
    [InlineData(null, "other", "key.pem does not belong to the certificate")]
    public void Damaged_files_are_reported_not_thrown(string? fullChain, string? key, string problem)
    {
        var store = new CertificateStore(_root.Path);
        store.Install(_request, Material());
        if (fullChain is not null) File.WriteAllText(CertFile("fullchain.pem"), fullChain);
        if (key == "missing") File.Delete(CertFile("key.pem"));
        else if (key == "other") File.WriteAllText(CertFile("key.pem"), Material().KeyPem);
        else if (key is not null) File.WriteAllText(CertFile("key.pem"), key);

        var observed = store.Read("example.org")!;

        Assert.Equal(problem, observed.Problem);
        Assert.False(observed.IsUsable);
    }

    [Fact]
    public void Material_with_a_foreign_key_is_refused_before_anything_is_written()
    {
        var a = TestCertificates.Issue(_request, Now, Now.AddDays(90));
        var b = TestCertificates.Issue(_request, Now, Now.AddDays(90));
        var error = Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => CertificateMaterial.FromAcme(a.FullChainPem, b.KeyPem));
        Assert.Contains("does not belong", error.Message);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => CertificateMaterial.FromAcme("", a.KeyPem));
    }

    [Fact]
    public void Renewal_window_is_recorded_in_the_stamp()
    {
        var store = new CertificateStore(_root.Path);
        store.Install(_request, Material());
        var window = new SuggestedRenewalWindow(Now.AddDays(3), Now.AddDays(4));

        store.RecordRenewalWindow(_request, window);

        Assert.Equal(window, store.Read("example.org")!.SuggestedWindow);
        Assert.Equal(Mode0640, File.GetUnixFileMode(CertFile("configlang.stamp")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData(".accounts")]
    public void Names_that_would_leave_the_state_directory_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new StateLayout(_root.Path).CertificateDirectory(name));
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(CertFile("")).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));
}
