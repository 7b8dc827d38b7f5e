using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The DNS provider variables a certificate's <c>environmentFile</c> and <c>credentialFiles</c> give,
/// read as rebuild reads them (below <see cref="HostFacts.Root"/>), for the checks that judge them.
/// Null when the certificate names no such file, when lint may not look at one
/// (<see cref="HostFacts.MayLookAt"/>) or when one cannot be read here: CI lints without the
/// secrets, and a file it cannot read says nothing. The policy guards the reader itself, so a
/// <c>NAME_FILE=/path</c> line written inside the environment file is refused like an option's path:
/// otherwise a repository's env file could ask whether any file on the CI machine is readable.
/// </summary>
public static class ReadableProviderCredentials
{
    // CL3017 and CL3025 both judge these variables: the secrets are read once per certificate of one
    // lint's facts, not once per check. Held only while those facts live.
    private static readonly ConditionalWeakTable<HostFacts, ConcurrentDictionary<string, ProviderCredentials?>> Loaded = new();

    /// <summary>
    /// Each certificate whose <c>dnsProvider</c> is a known provider and whose credentials can be read
    /// here, with both: what the DNS credential checks judge.
    /// </summary>
    public static IEnumerable<(CertFacts Cert, IDnsProviderFactory Provider, ProviderCredentials Credentials)> OfDnsCertificates(
        HostFacts facts, DnsProviderRegistry providers)
    {
        foreach (var cert in facts.Certs)
        {
            if (cert.DnsProvider is not { } name || !providers.TryGet(name, out var provider)) continue;
            if (Load(cert, facts) is { } credentials) yield return (cert, provider, credentials);
        }
    }

    public static ProviderCredentials? Load(CertFacts cert, HostFacts facts) =>
        Loaded.GetValue(facts, _ => new(StringComparer.Ordinal)).GetOrAdd(cert.Name, _ => Read(cert, facts));

    private static ProviderCredentials? Read(CertFacts cert, HostFacts facts)
    {
        if (cert.EnvironmentFile is null && cert.CredentialFiles.Count == 0) return null;
        var files = new RootedFileSystem(facts.Root);
        string ReadAllowed(string path) =>
            Path.IsPathRooted(path) && facts.MayLookAt(path)
                ? files.ReadConfiguredFile(path)
                : throw new UnauthorizedAccessException($"lint may not look at {path}");
        try
        {
            return ProviderCredentials.Load(cert.EnvironmentFile, cert.CredentialFiles, ReadAllowed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigLang.Acme.Protocol.AcmeException)
        {
            return null;
        }
    }
}
