using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// Fetches a page over HTTPS from a local server with an HttpClient that trusts only the given
/// root (pebble's issuing root), connecting to 127.0.0.1 whatever the name resolves to.
/// </summary>
internal static class ServedCertificate
{
    public static async Task<(X509Certificate2 Leaf, string Body)> FetchAsync(string name, int port, X509Certificate2 root)
    {
        X509Certificate2? leaf = null;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                    using var verifier = new X509Chain();
                    verifier.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    verifier.ChainPolicy.CustomTrustStore.Add(root);
                    verifier.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    if (chain is not null) verifier.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
                    leaf = new X509Certificate2(certificate);
                    return verifier.Build(leaf);
                },
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var body = await client.GetStringAsync($"https://{name}:{port}/");
        return (leaf!, body);
    }

    /// <summary>Polls until the server presents <paramref name="expectedPem"/>'s leaf (nginx reloads asynchronously).</summary>
    public static async Task<(X509Certificate2 Leaf, string Body)> WaitForAsync(string name, int port, X509Certificate2 root, string expectedPem)
    {
        using var expected = X509Certificate2.CreateFromPem(expectedPem);
        Exception? last = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                var served = await FetchAsync(name, port, root);
                if (served.Leaf.Thumbprint == expected.Thumbprint) return served;
                last = new InvalidOperationException($"served {served.Leaf.Subject} {served.Leaf.Thumbprint}, expected {expected.Thumbprint}");
            }
            catch (HttpRequestException e)
            {
                last = e;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("nginx never served the installed certificate", last);
    }
}
