using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Client;

/// <summary>
/// The chain to be installed must link up: each certificate is issued by the one after it, its
/// issuer name being that one's subject and its signature verifying with that one's key (when
/// signed with RSA PKCS #1 v1.5 or ECDSA; RSA-PSS and EdDSA are held to the names alone, any other
/// algorithm is refused). Else a broken or hostile server could have a rebuild install, as
/// <c>chain.pem</c>, certificates that clients then fail to build a path through. The last certificate need not be a root: CAs leave
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
            if (!SameDistinguishedName(subject.IssuerName, issuer.SubjectName))
            {
                throw new AcmeException($"the chain from {chain.Source} does not link up: certificate {position} is issued by {Named(subject.IssuerName)}, "
                    + $"but certificate {position + 1} is {Named(issuer.SubjectName)}: not installed");
            }
            var verdict = CertificateSignature.Check(subject, issuer);
            if (verdict == CertificateSignature.Verdict.Verified) continue;
            // RSA-PSS and EdDSA, which this check cannot verify, pass on the names alone: the check guards
            // against an unusable chain, and the CA was reached over TLS anyway. Any other algorithm is
            // refused, so a server cannot dodge the check by naming one made up.
            if (verdict == CertificateSignature.Verdict.UnknownAlgorithm && HeldToNamesAlone(subject.SignatureAlgorithm.Value)) continue;
            throw new AcmeException(verdict == CertificateSignature.Verdict.UnknownAlgorithm
                ? $"the chain from {chain.Source} cannot be checked: certificate {position} ({Named(subject.SubjectName)}) is signed with "
                    + $"{ServerText.Quote(subject.SignatureAlgorithm.FriendlyName ?? subject.SignatureAlgorithm.Value, ServerText.FieldLength)}, "
                    + "which this client does not know (it verifies RSA PKCS #1 v1.5 and ECDSA, and holds RSA-PSS and EdDSA to the names): not installed"
                : $"the chain from {chain.Source} does not link up: certificate {position} ({Named(subject.SubjectName)}) is not signed by the key of "
                    + $"certificate {position + 1} ({Named(issuer.SubjectName)}): not installed");
        }
    }

    /// <summary>Real signature algorithms CAs use that <see cref="CertificateSignature"/> cannot verify: RSA-PSS, Ed25519, Ed448.</summary>
    private static bool HeldToNamesAlone(string? oid) => oid is "1.2.840.113549.1.1.10" or "1.3.101.112" or "1.3.101.113";

    // The same DER, or the same name as .NET spells it (a CA may encode one string type where the other used another).
    private static bool SameDistinguishedName(X500DistinguishedName issuer, X500DistinguishedName subject) =>
        issuer.RawData.AsSpan().SequenceEqual(subject.RawData) || string.Equals(issuer.Name, subject.Name, StringComparison.Ordinal);

    private static string Named(X500DistinguishedName name) => "'" + ServerText.Quote(name.Name, ServerText.FieldLength) + "'";
}
