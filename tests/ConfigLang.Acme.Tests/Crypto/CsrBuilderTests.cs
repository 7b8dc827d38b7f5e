using KeyType = ConfigLang.Acme.Model.KeyType;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Tests.Crypto;

/// <summary>The CSR sent to finalize: names, subject, must-staple.</summary>
public sealed class CsrBuilderTests
{
    private static CertificateRequest Load(byte[] der) =>
        CertificateRequest.LoadSigningRequest(der, System.Security.Cryptography.HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);

    [Fact]
    public void Every_name_is_a_san_and_the_first_is_the_subject()
    {
        using var key = CertificateKey.Generate(KeyType.Ec256);

        var csr = Load(CsrBuilder.Build(key, ["example.org", "*.example.org", "www.example.org"], mustStaple: false));

        Assert.Equal("CN=example.org", csr.SubjectName.Name);
        var san = csr.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["example.org", "*.example.org", "www.example.org"], san.EnumerateDnsNames());
        Assert.DoesNotContain(csr.CertificateExtensions, e => e.Oid?.Value == "1.3.6.1.5.5.7.1.24");
    }

    [Fact]
    public void Must_staple_adds_the_tls_feature_status_request()
    {
        using var key = CertificateKey.Generate(KeyType.Ec256);

        var csr = Load(CsrBuilder.Build(key, ["example.org"], mustStaple: true));

        var feature = csr.CertificateExtensions.Single(e => e.Oid?.Value == "1.3.6.1.5.5.7.1.24");
        Assert.Equal(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 }, feature.RawData);
    }
}
