using ConfigLang.Acme.Dns;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A certificate's <c>environmentFile</c> or <c>credentialFiles</c> set a numeric variable of its
/// <c>dnsProvider</c> (a TTL, a timeout, a retry count, as the provider declares it,
/// <see cref="DnsProviderVariable.Kind"/>) to a value the provider refuses, so rebuild would stop the
/// certificate. Judged by <see cref="Acme.Credentials.ProviderCredentials.BrokenRule"/>, the rule the
/// provider applies, and only where the files can be read (<see cref="ReadableProviderCredentials"/>).
/// The message names the variable and its rule, never the value: it may be a secret.
/// </summary>
public sealed class DnsVariableRefusedCheck(DnsProviderRegistry providers) : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        foreach (var (cert, provider, credentials) in ReadableProviderCredentials.OfDnsCertificates(facts, providers))
        {
            foreach (var variable in provider.Variables.Variables)
            {
                if (credentials.BrokenRule(variable) is not var (read, rule)) continue;
                var option = SetBy(cert, read);
                var subject = $"security.acme.certs.\"{cert.Name}\".{option}";
                yield return Diagnostic.Error(LintCodes.DnsVariableRefused,
                    $"`{subject}' sets a value the \"{provider.Name}\" DNS provider refuses: {rule}",
                    facts.LocateCert(cert.Name, option))
                    .WithNote("rebuild would stop this certificate; the value is not shown, as it may be a secret")
                    with { Subject = subject };
            }
        }
    }

    /// <summary>
    /// The option that set <paramref name="name"/>, the alias the provider read: credentialFiles take
    /// precedence over the environment file, as rebuild reads them. Another alias of the same variable
    /// set elsewhere is not the one judged.
    /// </summary>
    private static string SetBy(CertFacts cert, string name) =>
        cert.EnvironmentFile is null || cert.CredentialFiles.ContainsKey(name) || cert.CredentialFiles.ContainsKey(name + "_FILE")
            ? "credentialFiles"
            : "environmentFile";
}
