namespace ConfigLang.Acme.Client;

/// <summary>The result of one order of a batch: the certificate, or the error that stopped it.</summary>
public sealed record OrderOutcome(CertificateOrderRequest Request, IssuedCertificate? Certificate, Exception? Error)
{
    public bool Succeeded => Certificate is not null;
}
