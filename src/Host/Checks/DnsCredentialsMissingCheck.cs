using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Storage;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A certificate's <c>dnsProvider</c> would find none of its required variables (as the provider
/// declares them, <see cref="IDnsProviderFactory.Variables"/>) in its <c>environmentFile</c> and
/// <c>credentialFiles</c>, so the real rebuild would fail. Only checked when the certificate names
/// such files and every one of them can be read where lint runs, as rebuild reads them (below
/// <see cref="HostFacts.Root"/>): CI lints without the secrets, and a file it cannot read says
/// nothing. No values are printed.
/// </summary>
public sealed class DnsCredentialsMissingCheck(DnsProviderRegistry providers) : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var files = new RootedFileSystem(facts.Root);
        foreach (var cert in facts.Certs)
        {
            if (cert.DnsProvider is not { } name || !providers.TryGet(name, out var provider)) continue;
            if (cert.EnvironmentFile is null && cert.CredentialFiles.Count == 0) continue;
            if (!CredentialsReadableByOthersCheck.CredentialFilesOf(cert).All(f => !Path.IsPathRooted(f.Path) || facts.MayLookAt(f.Path))) continue;
            if (Load(cert, files) is not { } credentials) continue;
            var variables = provider.Variables;
            if (variables.IsSatisfied(n => credentials.Get(n) is not null)) continue;
            var subject = $"security.acme.certs.\"{cert.Name}\"";
            yield return Diagnostic.Error(LintCodes.DnsCredentialsMissing,
                $"`{subject}.dnsProvider' is \"{provider.Name}\", which needs {variables.DescribeRequired()}, {Sources(cert)}",
                facts.LocateCert(cert.Name, cert.EnvironmentFile is not null ? "environmentFile" : "credentialFiles"))
                .WithNote("add it to the environment file (NAME=value), or name a file holding its value in credentialFiles.NAME_FILE")
                with { Subject = subject + ".dnsProvider" };
        }
    }

    /// <summary>The variables as rebuild would read them, or null when some file cannot be read here.</summary>
    private static ProviderCredentials? Load(CertFacts cert, RootedFileSystem files)
    {
        try
        {
            return ProviderCredentials.Load(cert.EnvironmentFile, cert.CredentialFiles, files.ReadConfiguredFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigLang.Acme.Protocol.AcmeException)
        {
            return null;
        }
    }

    private static string Sources(CertFacts cert) =>
        (cert.EnvironmentFile, cert.CredentialFiles.Count) switch
        {
            ({ } env, 0) => $"but its environmentFile ({env}) sets none of them",
            (null, _) => "but its credentialFiles set none of them",
            _ => $"but its environmentFile ({cert.EnvironmentFile}) and credentialFiles set none of them",
        };
}
