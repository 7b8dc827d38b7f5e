using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>RFC 9773 certificate identifiers.</summary>
public sealed class RenewalCertificateIdTests
{
    [Fact]
    public void The_rfc9773_example_gives_the_published_identifier()
    {
        // RFC 9773 §4.1: keyIdentifier 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4, serial 00:87:65:43:21.
        byte[] aki = [0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0, 0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4];

        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", RenewalCertificateId.From(aki, [0x00, 0x87, 0x65, 0x43, 0x21]));
    }

    [Fact]
    public void A_certificates_identifier_keeps_the_serials_leading_zero()
    {
        using var certificate = SelfSignedWithAki.Create([0x00, 0x87, 0x65, 0x43, 0x21]);

        var id = RenewalCertificateId.Of(certificate);

        Assert.EndsWith(".AIdlQyE", id);
    }
}
