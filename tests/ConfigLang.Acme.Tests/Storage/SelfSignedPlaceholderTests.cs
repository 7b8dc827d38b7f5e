using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;

using CertificateRequest = ConfigLang.Acme.Model.CertificateRequest;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>The placeholder parses, covers the domains, has an ec256 key that matches, and is recognised as such.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class SelfSignedPlaceholderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempRoot _root = new();
    private readonly CertificateRequest _request = Requests.Dns("example.org", "*.example.org", "www.example.org");

    public void Dispose() => _root.Dispose();

    private string CertFile(string file) => _root.File_("var", "lib", "acme", "example.org", file);

    [Fact]
    public void Placeholder_covers_the_domains_with_a_matching_ec256_key()
    {
        using var ca = SelfSignedPlaceholder.CreateCa(Now);
        var material = SelfSignedPlaceholder.Create(_request.Domains, ca, Now);

        using var leaf = X509Certificate2.CreateFromPem(material.LeafPem);
        var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames();
        Assert.Equal(["example.org", "*.example.org", "www.example.org"], names);
        Assert.Equal("example.org", leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.StartsWith("minica root ca ", leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: true));

        using var key = ECDsa.Create();
        key.ImportFromPem(material.KeyPem);
        Assert.Equal(256, key.KeySize);
        Assert.Equal(leaf.PublicKey.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        Assert.Equal(Now + SelfSignedPlaceholder.DefaultValidity, new DateTimeOffset(leaf.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void Placeholder_chains_to_its_ca()
    {
        using var ca = SelfSignedPlaceholder.CreateCa(Now);
        var material = SelfSignedPlaceholder.Create(_request.Domains, ca, Now);
        using var leaf = X509Certificate2.CreateFromPem(material.LeafPem);
        using var caPublic = X509Certificate2.CreateFromPem(material.ChainPem);

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caPublic);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(material.LeafPem + material.ChainPem, material.FullChainPem);
    }

    [Fact]
    public void Installed_placeholder_is_read_back_as_placeholder_and_planned_as_issue()
    {
        var store = new CertificateStore(_root.Path);
        store.InstallPlaceholder(_request, Now);

        var observed = store.Read("example.org")!;
        Assert.True(observed.IsPlaceholder);
        Assert.True(observed.HasMatchingKey);
        Assert.Equal(_request.Domains, observed.Domains);
        Assert.False(store.HasSucceeded("example.org"));
        // cert.pem is the leaf alone, a regular file.
        Assert.Null(new FileInfo(CertFile("cert.pem")).LinkTarget);
        Assert.Single(PemCertificates(File.ReadAllText(CertFile("cert.pem"))));
        Assert.Equal(2, PemCertificates(File.ReadAllText(CertFile("fullchain.pem"))).Length);

        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([_request], [observed]);
        Assert.Equal((PlanAction.Issue, "only the self-signed placeholder is on disk"), (plan.Steps[0].Action, plan.Steps[0].Reason));
    }

    [Fact]
    public void The_local_ca_is_kept_owner_only_and_reused()
    {
        var store = new CertificateStore(_root.Path);
        store.InstallPlaceholder(_request, Now);
        var firstIssuer = store.Read("example.org")!.Issuer;
        store.InstallPlaceholder(Requests.Http("other.org"), Now);

        Assert.Equal(firstIssuer, store.Read("other.org")!.Issuer);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(_root.File_("var", "lib", "acme", ".minica", "key.pem")));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(_root.File_("var", "lib", "acme", ".minica", "cert.pem")));
    }

    [Fact]
    public void A_real_certificate_replaces_the_placeholder()
    {
        var store = new CertificateStore(_root.Path);
        store.InstallPlaceholder(_request, Now);
        var issued = TestCertificates.Issue(_request, Now.AddDays(-1), Now.AddDays(89));

        var result = store.Install(_request, CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem));

        Assert.True(result.CertificateChanged);
        Assert.False(store.Read("example.org")!.IsPlaceholder);
        Assert.True(store.HasSucceeded("example.org"));
        Assert.Equal("fullchain.pem", new FileInfo(CertFile("cert.pem")).LinkTarget);
    }

    [Fact]
    public void A_placeholder_never_replaces_a_real_certificate()
    {
        var store = new CertificateStore(_root.Path);
        var issued = TestCertificates.Issue(_request, Now.AddDays(-1), Now.AddDays(89));
        store.Install(_request, CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem));

        Assert.Throws<InvalidOperationException>(() => store.InstallPlaceholder(_request, Now));
        Assert.Equal(issued.FullChainPem, File.ReadAllText(CertFile("fullchain.pem")));

        // Even without the success marker (a certificate another tool installed).
        File.Delete(CertFile("acme-success"));
        Assert.Throws<InvalidOperationException>(() => store.InstallPlaceholder(_request, Now));
    }

    [Fact]
    public void Regenerated_placeholder_follows_domain_changes()
    {
        var store = new CertificateStore(_root.Path);
        store.InstallPlaceholder(Requests.Http("example.org"), Now);
        store.InstallPlaceholder(Requests.Http("example.org", "new.example.org"), Now.AddHours(1));

        Assert.Equal([Identifier.Dns("example.org"), Identifier.Dns("new.example.org")], store.Read("example.org")!.Domains);
    }

    private static X509Certificate2[] PemCertificates(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return collection.ToArray();
    }
}
