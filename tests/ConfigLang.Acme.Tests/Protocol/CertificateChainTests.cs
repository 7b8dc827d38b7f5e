using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>Splitting PEM bundles and choosing the preferred chain.</summary>
public sealed class CertificateChainTests
{
    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    private static (string Leaf, string Intermediate) IssuedBy(string rootName)
    {
        using var rootKey = ECDsa.Create();
        var rootRequest = new CertificateRequest("CN=" + rootName, rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10));
        using var midKey = ECDsa.Create();
        var midRequest = new CertificateRequest("CN=Intermediate under " + rootName, midKey, HashAlgorithmName.SHA256);
        midRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var mid = midRequest.Create(root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(5), [1, 2, 3]);
        using var leafKey = ECDsa.Create();
        using var midWithKey = mid.CopyWithPrivateKey(midKey);
        using var leaf = new CertificateRequest("CN=leaf.example.org", leafKey, HashAlgorithmName.SHA256).Create(midWithKey, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2), [4, 5, 6]);
        return (Pem(leaf), Pem(mid));
    }

    [Fact]
    public void A_bundle_splits_into_leaf_and_chain()
    {
        var (leaf, intermediate) = IssuedBy("Root A");

        var chain = CertificateChain.Parse(leaf + intermediate, new Uri("https://acme.example/cert/1"));

        Assert.Equal(2, chain.Certificates.Count);
        Assert.Equal("CN=leaf.example.org", chain.Leaf.Subject);
        Assert.Equal(intermediate, chain.ChainPem);
        Assert.Equal(leaf + intermediate, chain.FullChainPem);
        Assert.Equal("Root A", chain.TopIssuerName);
    }

    [Fact]
    public void The_preferred_chain_is_picked_by_its_top_issuer_and_the_default_kept_otherwise()
    {
        var a = IssuedBy("Root A");
        var b = IssuedBy("Root B");
        var chains = new[]
        {
            CertificateChain.Parse(a.Leaf + a.Intermediate, new Uri("https://acme.example/cert/1")),
            CertificateChain.Parse(b.Leaf + b.Intermediate, new Uri("https://acme.example/cert/1/1")),
        };

        Assert.Same(chains[1], CertificateChain.Choose(chains, "Root B"));
        Assert.Same(chains[1], CertificateChain.Choose(chains, "Intermediate under Root B"));
        Assert.Same(chains[0], CertificateChain.Choose(chains, "Root C"));
        Assert.Same(chains[0], CertificateChain.Choose(chains, null));
    }

    [Fact]
    public void A_body_without_certificates_is_an_error()
    {
        Assert.Throws<AcmeException>(() => CertificateChain.Parse("<html>oops</html>", new Uri("https://acme.example/cert/1")));
    }

    [Fact]
    public void A_chain_of_more_certificates_than_any_CA_sends_is_refused()
    {
        var (leaf, intermediate) = IssuedBy("Root A");
        var longest = leaf + string.Concat(Enumerable.Repeat(intermediate, CertificateChain.MaxCertificates - 1));

        Assert.Equal(CertificateChain.MaxCertificates, CertificateChain.Parse(longest, new Uri("https://acme.example/cert/1")).Certificates.Count);
        var error = Assert.Throws<AcmeException>(() => CertificateChain.Parse(longest + intermediate, new Uri("https://acme.example/cert/1")));
        Assert.Equal($"https://acme.example/cert/1 returned a chain of more than {CertificateChain.MaxCertificates} certificates", error.Message);
    }

    [Fact]
    public void A_block_that_is_no_certificate_is_an_acme_error_naming_its_place()
    {
        var (leaf, _) = IssuedBy("Root A");

        var error = Assert.Throws<AcmeException>(() => CertificateChain.Parse(leaf + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", new Uri("https://acme.example/cert/1")));

        Assert.Equal("https://acme.example/cert/1 returned a chain whose certificate 2 is not a PEM certificate", error.Message);
    }

    [Fact]
    public void What_is_installed_is_the_certificate_as_parsed_never_the_servers_text_inside_the_markers()
    {
        var (leaf, intermediate) = IssuedBy("Root A");
        var smuggled = "-----BEGIN CERTIFICATE-----\nssl_certificate_key /etc/shadow;\n" + leaf + intermediate;

        var chain = CertificateChain.Parse(smuggled, new Uri("https://acme.example/cert/1"));

        Assert.Equal(leaf, chain.CertificatePem);
        Assert.Equal(leaf + intermediate, chain.FullChainPem);
    }
}
