using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Client;

/// <summary>
/// The chain to be installed must link up: each certificate is issued by the one after it, its
/// issuer name being that one's subject and its signature verifying with that one's key. Else a
/// broken or hostile server could have a rebuild install, as <c>chain.pem</c>, certificates that
/// clients then fail to build a path through. The last certificate need not be a root: CAs leave
/// the root out, and whether it is trusted is the clients' question, not this one.
/// </summary>
internal static class ChainLinkCheck
{
    public static void Verify(CertificateChain chain)
    {
        var certificates = chain.Certificates;
        for (var position = 1; position < certificates.Count; position++)
        {
            var subject = certificates[position - 1];
            var issuer = certificates[position];
            if (!SameName(subject.IssuerName, issuer.SubjectName))
            {
                throw new AcmeException($"the chain from {chain.Source} does not link up: certificate {position} is issued by {Named(subject.IssuerName)}, "
                    + $"but certificate {position + 1} is {Named(issuer.SubjectName)}: not installed");
            }
            var verdict = CertificateSignature.Check(subject, issuer);
            if (verdict == CertificateSignature.Verdict.Verified) continue;
            throw new AcmeException(verdict == CertificateSignature.Verdict.UnknownAlgorithm
                ? $"the chain from {chain.Source} cannot be checked: certificate {position} ({Named(subject.SubjectName)}) is signed with "
                    + $"{ServerText.Quote(subject.SignatureAlgorithm.FriendlyName ?? subject.SignatureAlgorithm.Value, ServerText.FieldLength)}, "
                    + "which this client cannot verify (RSA PKCS #1 v1.5 and ECDSA only): not installed"
                : $"the chain from {chain.Source} does not link up: certificate {position} ({Named(subject.SubjectName)}) is not signed by the key of "
                    + $"certificate {position + 1} ({Named(issuer.SubjectName)}): not installed");
        }
    }

    // The same DER, or the same name as .NET spells it (a CA may encode one string type where the other used another).
    private static bool SameName(X500DistinguishedName issuer, X500DistinguishedName subject) =>
        issuer.RawData.AsSpan().SequenceEqual(subject.RawData) || string.Equals(issuer.Name, subject.Name, StringComparison.Ordinal);

    private static string Named(X500DistinguishedName name) => "'" + ServerText.Quote(name.Name, ServerText.FieldLength) + "'";
}
