using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// TLS-ALPN-01 (RFC 8737) with its own listener: for a handshake offering ALPN
/// <c>acme-tls/1</c>, serves the validation certificate chosen by SNI, then closes. The socket
/// opens with the first challenge and stays open until disposed.
/// </summary>
public sealed class TlsAlpn01Solver : IChallengeSolver, IAsyncDisposable
{
    public static readonly SslApplicationProtocol AcmeTls1 = new("acme-tls/1");

    private readonly ConcurrentDictionary<string, SslStreamCertificateContext> _certificates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ChallengeListener _listener;

    public TlsAlpn01Solver(IPEndPoint endpoint)
    {
        _listener = new ChallengeListener(endpoint, "TLS-ALPN-01", HandshakeAsync);
    }

    public TlsAlpn01Solver(string listenAddress) : this(ListenAddress.Parse(listenAddress))
    {
    }

    public IPEndPoint Endpoint => _listener.Endpoint;

    public string ChallengeType => ChallengeTypes.TlsAlpn01;

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var certificate = TlsAlpnCertificate.Create(challenge);
        _certificates[challenge.Domain] = SslStreamCertificateContext.Create(certificate, new X509Certificate2Collection(), offline: true);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        _certificates.TryRemove(challenge.Domain, out _);
        return Task.CompletedTask;
    }

    /// <summary>Opens the socket (done by the first <see cref="PresentAsync"/> anyway).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _listener.StartAsync(cancellationToken);

    private async Task HandshakeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsServerAsync(SelectOptions, null, cancellationToken).ConfigureAwait(false);
            await tls.ShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException or AcmeException)
        {
            // Handshakes for unknown names or without acme-tls/1 fail; that is the answer.
        }
    }

    private ValueTask<SslServerAuthenticationOptions> SelectOptions(SslStream stream, SslClientHelloInfo hello, object? state, CancellationToken cancellationToken)
    {
        if (!_certificates.TryGetValue(hello.ServerName ?? "", out var context))
            throw new AcmeException($"TLS-ALPN-01: no challenge for '{hello.ServerName}'");
        return ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = context,
            ApplicationProtocols = [AcmeTls1],
            ClientCertificateRequired = false,
        });
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
