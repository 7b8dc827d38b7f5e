using System.Runtime.Versioning;

using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class PermissionRepairTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempRoot _root = new();
    private readonly CertificateRequest _request = Requests.Http("example.org") with { Group = "nginx" };

    public void Dispose() => _root.Dispose();

    private string CertFile(string file) => _root.File_("var", "lib", "acme", "example.org", file);

    private void Install()
    {
        var issued = TestCertificates.Issue(_request, Now.AddDays(-1), Now.AddDays(89));
        new CertificateStore(_root.Path).Install(_request, CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem));
    }

    [Fact]
    public void A_freshly_installed_certificate_needs_no_repair()
    {
        Install();
        Assert.Empty(new PermissionRepair(_root.Path).Run([_request]));
    }

    [Fact]
    public void A_key_readable_by_others_is_reported_and_fixed()
    {
        Install();
        File.SetUnixFileMode(CertFile("key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var findings = new PermissionRepair(_root.Path).Run([_request]);

        var finding = Assert.Single(findings);
        Assert.Equal((CertFile("key.pem"), "mode 0644, expected 0640", true), (finding.Path, finding.Problem, finding.Fixed));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(CertFile("key.pem")));
    }

    [Fact]
    public void Report_only_mode_changes_nothing()
    {
        Install();
        File.SetUnixFileMode(CertFile("chain.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var findings = new PermissionRepair(_root.Path).Run([_request], fix: false);

        Assert.False(Assert.Single(findings).Fixed);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(CertFile("chain.pem")));
    }

    [Fact]
    public void A_new_group_is_applied_to_every_file_of_the_certificate()
    {
        Install();
        var regrouped = _request with { Group = "acme" };

        var findings = new PermissionRepair(_root.Path).Run([regrouped]);

        // The directory, four PEM files, cert.pem (a symlink), the stamp and the success marker.
        Assert.Equal(8, findings.Count);
        Assert.All(findings, f => Assert.Equal("owned by acme:nginx, expected acme:acme", f.Problem));
        if (Environment.IsPrivilegedProcess)
        {
            Assert.All(findings, f => Assert.True(f.Fixed));
            Assert.Equal(("acme", "acme"), new FileOwnership(_root.Path).Get(CertFile("key.pem")));
            Assert.Empty(new PermissionRepair(_root.Path).Run([regrouped]));
        }
    }

    [Fact]
    public void Loose_account_files_are_tightened()
    {
        var account = new AccountSpec(null, KeyType.Ec256, "a@example.org");
        var accounts = new AccountStore(_root.Path);
        accounts.SaveAccountUrl(account, "https://acme.test/acct/1");
        var record = Path.Combine(accounts.DirectoryFor(account), "account.txt");
        File.SetUnixFileMode(record, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var findings = new PermissionRepair(_root.Path).Run([_request]);

        Assert.Equal((record, "mode 0640, expected 0600", true), (Assert.Single(findings).Path, findings[0].Problem, findings[0].Fixed));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(record));
    }

    [Fact]
    public void A_directory_nested_deeper_than_the_bound_is_reported_and_not_walked()
    {
        Install();
        // d/d/...: the certificate's owner can nest directories as deep as they like.
        string Level(int depth) => Path.Combine([CertFile(""), .. Enumerable.Repeat("d", depth)]);
        Directory.CreateDirectory(Level(PermissionRepair.MaxDepth + 2));
        const UnixFileMode Loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.WriteAllText(Path.Combine(Level(PermissionRepair.MaxDepth), "within.pem"), "");
        File.WriteAllText(Path.Combine(Level(PermissionRepair.MaxDepth + 2), "beyond.pem"), "");
        File.SetUnixFileMode(Path.Combine(Level(PermissionRepair.MaxDepth), "within.pem"), Loose);
        File.SetUnixFileMode(Path.Combine(Level(PermissionRepair.MaxDepth + 2), "beyond.pem"), Loose);

        var findings = new PermissionRepair(_root.Path).Run([_request]);

        var tooDeep = Assert.Single(findings, f => f.Problem.Contains("deep"));
        Assert.Equal((Level(PermissionRepair.MaxDepth + 1), "nested more than 64 directories deep; neither it nor anything in it was checked", false),
            (tooDeep.Path, tooDeep.Problem, tooDeep.Fixed));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(Level(PermissionRepair.MaxDepth), "within.pem")));
        Assert.Equal(Loose, File.GetUnixFileMode(Path.Combine(Level(PermissionRepair.MaxDepth + 2), "beyond.pem")));
    }
}
