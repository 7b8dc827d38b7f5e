using System.Collections.Concurrent;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// Picks the challenge solver for a request from its settings, in NixOS's precedence (fact sheet
/// §2.9): DNS provider, then listenHTTP, then webroot; TLS-ALPN-01 through listenTLS. Listeners
/// are shared per address, so several certificates with the same <c>listenHTTP</c> use one
/// socket; they are closed when the factory is disposed.
/// </summary>
internal sealed class SolverFactory(DnsProviderRegistry providers, string root) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IChallengeSolver>> _listeners = new(StringComparer.Ordinal);

    // Webroots and credential files are host paths, read and written below --root like every other path.
    private readonly Storage.RootedFileSystem _root = new(root);

    // Read once per run, after the run created its accounts: the challenge directory gets the certificate's group.
    private readonly Lazy<Storage.FileOwnership> _ownership = new(() => new Storage.FileOwnership(root));

    public IChallengeSolver Create(CertificateRequest request)
    {
        var challenge = request.Challenge;
        switch (challenge.Kind)
        {
            case ChallengeKind.Dns01:
                var name = challenge.DnsProvider ?? throw new InvalidOperationException("dns-01 needs a dnsProvider");
                if (!providers.TryGet(name, out var factory))
                {
                    throw new InvalidOperationException($"DNS provider '{name}' is not supported (supported: {string.Join(", ", providers.Names)})");
                }
                var credentials = ProviderCredentials.Load(challenge.EnvironmentFile,
                    challenge.CredentialFiles.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), path => ReadCredentialFile(request, path));
                var resolverOption = $"security.acme.certs.\"{request.Name}\".dnsResolver";
                var propagation = !challenge.DnsPropagationCheck
                    ? DnsPropagationCheck.None
                    : challenge.DnsResolver is { } resolver
                        ? DnsPropagationCheck.AtResolvers(DnsEndpoint.ParseList(resolver)).Explained(resolverOption,
                            $"set {resolverOption} to a resolver that answers for the zone, or dnsPropagationCheck = false")
                        : DnsPropagationCheck.AtAuthoritativeServers().Explained("the system's, from /etc/resolv.conf",
                            $"set {resolverOption} (host[:port]) to a resolver that answers for the zone, or dnsPropagationCheck = false");
                return new Dns01Solver(factory.Create(credentials), propagation);
            case ChallengeKind.TlsAlpn01:
                var tls = challenge.ListenTls ?? throw new InvalidOperationException("tls-alpn-01 needs listenTLS");
                return Shared("tls " + tls, () => new TlsAlpn01Solver(tls));
            default:
                if (challenge.S3Bucket is not null) throw new InvalidOperationException("HTTP-01 through an S3 bucket (s3Bucket) is not supported");
                if (challenge.ListenHttp is { } http) return Shared("http " + http, () => new ListenerHttp01Solver(http));
                var webroot = challenge.Webroot ?? throw new InvalidOperationException("http-01 needs a webroot or listenHTTP");
                return new WebrootHttp01Solver(_root, webroot, new ChallengeDirectoryOwner(_ownership.Value, request.Owner, request.Group));
        }
    }

    /// <summary>Reads a file the certificate names, below --root; a failure names the certificate's option.</summary>
    private string ReadCredentialFile(CertificateRequest request, string path)
    {
        try
        {
            return _root.ReadConfiguredFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var challenge = request.Challenge;
            var option = path == challenge.EnvironmentFile ? "environmentFile"
                : challenge.CredentialFiles.FirstOrDefault(f => f.Value == path).Key is { } name ? $"credentialFiles.{name}" : "environmentFile";
            throw CredentialFileException.From(request.Name, option, path, _root.FullPath(path), e);
        }
    }

    private IChallengeSolver Shared(string key, Func<IChallengeSolver> create) => _listeners.GetOrAdd(key, _ => new Lazy<IChallengeSolver>(create)).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            if (listener is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
