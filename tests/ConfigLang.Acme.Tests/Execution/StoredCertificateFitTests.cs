using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using CertificateRequest = ConfigLang.Acme.Model.CertificateRequest;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// A certificate stored in the cluster is installed instead of ordering only when the planner
/// would keep it as if it were on disk: same names in the same order, same key type, a key that
/// belongs to it, and outside the validMinDays window.
/// </summary>
public sealed class StoredCertificateFitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static CertificateRequest Request(params string[] domains) => new()
    {
        Name = domains[0], Domains = domains.Select(Identifier.Dns).ToArray(),
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Dns01, DnsProvider = "rfc2136" },
        Email = "admin@example.test", SourceTag = new SourceSite("tag", 1, 1),
    };

    /// <summary>A CA-like leaf for <paramref name="names"/> valid for <paramref name="days"/> from now, and its material.</summary>
    private static SharedCertificate Stored(string[] names, int days = 90, bool rsa = false, bool foreignKey = false)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + names[0], r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + names[0], (ECDsa)key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var leaf = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(days));
        var material = CertificateMaterial.FromAcme(leaf.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (foreignKey) material = material with { KeyPem = other.ExportPkcs8PrivateKeyPem() };
        return new SharedCertificate(material, names, rsa ? KeyType.Rsa2048 : KeyType.Ec256, leaf.NotAfter, "web1");
    }

    private static StoredCertificateFit Fit(CertificateRequest request, SharedCertificate stored) =>
        StoredCertificateFit.Of(request, stored, new FakeClock(Now));

    [Fact]
    public void A_fresh_certificate_for_the_same_names_and_key_type_is_used()
    {
        var fit = Fit(Request("a.example.test", "b.example.test"), Stored(["a.example.test", "b.example.test"]));

        Assert.True(fit.Usable, fit.Reason);
        Assert.StartsWith("valid until", fit.Reason);
        Assert.Equal(Now.AddDays(90).UtcDateTime, fit.NotAfter!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Other_names_another_order_of_names_another_key_type_a_foreign_key_or_the_renewal_window_are_not_used()
    {
        var request = Request("a.example.test", "b.example.test");

        Assert.Equal((false, "domains changed: added b.example.test"), Pair(Fit(request, Stored(["a.example.test"]))));
        Assert.Equal((false, "order of domains changed"), Pair(Fit(request, Stored(["b.example.test", "a.example.test"]))));
        Assert.Equal((false, "key type changed from rsa2048 to ec256"), Pair(Fit(request, Stored(["a.example.test", "b.example.test"], rsa: true))));
        Assert.False(Fit(request, Stored(["a.example.test", "b.example.test"], foreignKey: true)).Usable);
        var due = Fit(request, Stored(["a.example.test", "b.example.test"], days: 20));
        Assert.False(due.Usable);
        Assert.Contains("within validMinDays (30)", due.Reason);
    }

    private static (bool, string) Pair(StoredCertificateFit fit) => (fit.Usable, fit.Reason);
}
