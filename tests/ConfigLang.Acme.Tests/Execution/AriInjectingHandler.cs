using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// Talks to the real pebble (2.4.0 has no ARI) but adds a <c>renewalInfo</c> URL to its
/// directory and answers that URL with a fixed suggested window, as a CA with RFC 9773 would.
/// </summary>
internal sealed class AriInjectingHandler : DelegatingHandler
{
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;

    public AriInjectingHandler(X509Certificate2 httpsCa, DateTimeOffset start, DateTimeOffset end)
        : base(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null) return false;
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(httpsCa);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
            },
        })
    {
        _start = start;
        _end = end;
    }

    public int RenewalInfoRequests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.AbsolutePath.StartsWith("/ari/", StringComparison.Ordinal))
        {
            RenewalInfoRequests++;
            var json = $"{{\"suggestedWindow\":{{\"start\":\"{_start:O}\",\"end\":\"{_end:O}\"}}}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && uri.AbsolutePath == "/dir" && response.IsSuccessStatusCode)
        {
            var directory = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            directory["renewalInfo"] = new Uri(uri, "/ari").AbsoluteUri;
            response.Content = new StringContent(directory.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return response;
    }
}
