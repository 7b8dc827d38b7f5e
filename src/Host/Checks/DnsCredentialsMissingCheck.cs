using ConfigLang.Acme.Dns;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A certificate's <c>dnsProvider</c> would find none of its required variables (as the provider
/// declares them, <see cref="IDnsProviderFactory.Variables"/>) in its <c>environmentFile</c> and
/// <c>credentialFiles</c>, so the real rebuild would fail. Only checked where those files can be
/// read (<see cref="ReadableProviderCredentials"/>). No values are printed.
/// </summary>
public sealed class DnsCredentialsMissingCheck(DnsProviderRegistry providers) : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        foreach (var (cert, provider, credentials) in ReadableProviderCredentials.OfDnsCertificates(facts, providers))
        {
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

    private static string Sources(CertFacts cert) =>
        (cert.EnvironmentFile, cert.CredentialFiles.Count) switch
        {
            ({ } env, 0) => $"but its environmentFile ({env}) sets none of them",
            (null, _) => "but its credentialFiles set none of them",
            _ => $"but its environmentFile ({cert.EnvironmentFile}) and credentialFiles set none of them",
        };
}
