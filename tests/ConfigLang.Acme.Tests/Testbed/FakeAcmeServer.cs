using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// A scripted ACME server for protocol corners pebble cannot be made to show (Retry-After,
/// rateLimited, subproblems, profiles, ARI). Serves the directory and nonces; every JWS POST goes
/// to the test's handler with its decoded protected header and payload.
/// </summary>
public sealed class FakeAcmeServer : IDisposable
{
    private readonly FakeHttpServer _server;
    private int _nonce;

    public FakeAcmeServer(Func<JwsRequest, (int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> onPost, string? extraDirectoryJson = null)
    {
        _server = new FakeHttpServer(request =>
        {
            var baseUrl = _server!.BaseUrl.AbsoluteUri.TrimEnd('/');
            if (request.Method == "GET" && request.PathAndQuery == "/dir")
            {
                var directory = $"{{\"newNonce\":\"{baseUrl}/nonce\",\"newAccount\":\"{baseUrl}/account\",\"newOrder\":\"{baseUrl}/order\",\"revokeCert\":\"{baseUrl}/revoke\""
                    + (extraDirectoryJson is null ? "" : "," + extraDirectoryJson.Replace("BASE", baseUrl, StringComparison.Ordinal)) + "}";
                return (200, directory, null);
            }
            if (request.Method == "HEAD" && request.PathAndQuery == "/nonce")
                return (200, "", new Dictionary<string, string> { ["Replay-Nonce"] = NextNonce() });
            if (request.Method == "POST")
            {
                var jws = JwsRequest.Parse(request);
                var (status, body, headers) = onPost(jws);
                var all = (headers ?? new Dictionary<string, string>()).ToDictionary(h => h.Key, h => h.Value.Replace("BASE", baseUrl, StringComparison.Ordinal));
                all.TryAdd("Replay-Nonce", NextNonce());
                return (status, body.Replace("BASE", baseUrl, StringComparison.Ordinal), all);
            }
            return onPost(new JwsRequest(request, null, "", null));
        });
    }

    public Uri DirectoryUrl => new(_server.BaseUrl, "/dir");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_server.Requests) return _server.Requests.ToList(); }
    }

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.PathAndQuery == path);

    public string NextNonce() => "nonce-" + Interlocked.Increment(ref _nonce);

    public void Dispose() => _server.Dispose();
}

/// <summary>A POST as the fake server decoded it.</summary>
public sealed record JwsRequest(RecordedRequest Http, JsonElement? Protected, string PayloadJson, JsonElement? Payload)
{
    public string Path => Http.PathAndQuery;

    public string? Nonce => Protected?.GetProperty("nonce").GetString();

    public string? Kid => Protected is { } p && p.TryGetProperty("kid", out var kid) ? kid.GetString() : null;

    public bool HasJwk => Protected is { } p && p.TryGetProperty("jwk", out _);

    public static JwsRequest Parse(RecordedRequest request)
    {
        using var outer = JsonDocument.Parse(request.Body);
        var protectedJson = Encoding.UTF8.GetString(Base64Url.Decode(outer.RootElement.GetProperty("protected").GetString()!));
        var payloadJson = Encoding.UTF8.GetString(Base64Url.Decode(outer.RootElement.GetProperty("payload").GetString()!));
        JsonElement? payload = payloadJson.Length == 0 ? null : JsonDocument.Parse(payloadJson).RootElement.Clone();
        return new JwsRequest(request, JsonDocument.Parse(protectedJson).RootElement.Clone(), payloadJson, payload);
    }

    public static (int, string, IReadOnlyDictionary<string, string>?) Problem(int status, string type, string detail, string? extra = null, IReadOnlyDictionary<string, string>? headers = null) =>
        (status, $"{{\"type\":\"urn:ietf:params:acme:error:{type}\",\"detail\":\"{detail}\"{(extra is null ? "" : "," + extra)}}}", headers);
}
