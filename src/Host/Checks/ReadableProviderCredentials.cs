using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The DNS provider variables a certificate's <c>environmentFile</c> and <c>credentialFiles</c> give,
/// read as rebuild reads them (below <see cref="HostFacts.Root"/>), for the checks that judge them.
/// Null when the certificate names no such file, when lint may not look at one
/// (<see cref="HostFacts.MayLookAt"/>) or when one cannot be read here: CI lints without the
/// secrets, and a file it cannot read says nothing.
/// </summary>
public static class ReadableProviderCredentials
{
    public static ProviderCredentials? Load(CertFacts cert, HostFacts facts)
    {
        if (cert.EnvironmentFile is null && cert.CredentialFiles.Count == 0) return null;
        if (!CredentialsReadableByOthersCheck.CredentialFilesOf(cert).All(f => !Path.IsPathRooted(f.Path) || facts.MayLookAt(f.Path))) return null;
        try
        {
            return ProviderCredentials.Load(cert.EnvironmentFile, cert.CredentialFiles, new RootedFileSystem(facts.Root).ReadConfiguredFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigLang.Acme.Protocol.AcmeException)
        {
            return null;
        }
    }
}
