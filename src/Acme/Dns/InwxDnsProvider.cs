using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>inwx</c>, over INWX's JSON-RPC API (<c>{"method":...,"params":{...}}</c>, answers
/// <c>{"code":1000,"msg":...,"resData":{...}}</c>, session cookie from <c>account.login</c>):
/// <c>account.login</c> (+ <c>account.unlock</c> with a TOTP when two-factor is on),
/// <c>nameserver.createRecord</c> / <c>nameserver.info</c> + <c>nameserver.deleteRecord</c>,
/// <c>account.logout</c>. Variables: INWX_USERNAME, INWX_PASSWORD, INWX_SHARED_SECRET,
/// INWX_SANDBOX, INWX_TTL (300); INWX_ENDPOINT (ours) replaces the API URL.
/// </summary>
public sealed class InwxDnsProvider : IDnsProvider
{
    public const string ProviderName = "inwx";
    public static readonly Uri ProductionEndpoint = new("https://api.domrobot.com/jsonrpc/");
    public static readonly Uri SandboxEndpoint = new("https://api.ote.domrobot.com/jsonrpc/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("INWX_USERNAME", "account user name"),
        new("INWX_PASSWORD", "account password") { Secret = true },
        new("INWX_SHARED_SECRET", "TOTP secret, when the account uses two-factor authentication") { Secret = true },
        new("INWX_SANDBOX", "true: use the OTE sandbox API") { Default = "false" },
        new("INWX_TTL", "TTL of the TXT record in seconds") { Default = "300", Kind = DnsVariableKind.WholeNumber },
        new("INWX_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
        new("INWX_ENDPOINT", "JSON-RPC endpoint (ConfigLang's; for tests)") { Default = "https://api.domrobot.com/jsonrpc/" },
    ],
    Required: [["INWX_USERNAME", "INWX_PASSWORD"]]);

    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;
    private readonly string _user;
    private readonly string _password;
    private readonly string? _sharedSecret;
    private readonly int _ttl;

    /// <summary>
    /// The session lives in a cookie this provider handles itself, so a given HttpClient must not
    /// manage cookies (<see cref="Protocol.AcmeHttp.CreateClient"/>'s do not); without one, such a
    /// client is made with <paramref name="timeout"/>.
    /// </summary>
    public InwxDnsProvider(ProviderCredentials credentials, HttpClient? httpClient = null, TimeSpan? timeout = null)
    {
        _http = httpClient ?? Protocol.AcmeHttp.CreateClient(timeout: timeout, sameOriginRedirectsOnly: true);
        _redactor = credentials.Redactor;
        _user = credentials.Require(ProviderName, "INWX_USERNAME");
        _password = credentials.Require(ProviderName, "INWX_PASSWORD");
        _sharedSecret = credentials.Get("INWX_SHARED_SECRET");
        _ttl = credentials.GetInt("INWX_TTL") ?? 300;
        var sandbox = credentials.Get("INWX_SANDBOX") is { } s && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase));
        Endpoint = credentials.Get("INWX_ENDPOINT") is { } custom ? new Uri(custom) : sandbox ? SandboxEndpoint : ProductionEndpoint;
        PropagationTimeout = credentials.GetSeconds("INWX_PROPAGATION_TIMEOUT");
    }

    public string Name => ProviderName;

    public Uri Endpoint { get; }

    public TimeSpan? PropagationTimeout { get; }

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var session = await LoginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var zone = await FindZoneAsync(session, challenge, cancellationToken).ConfigureAwait(false);
            var name = challenge.DnsRecordName.TrimEnd('.');
            using var _ = await CallAsync(session, JsonBody.Rpc("nameserver.createRecord",
                ("domain", zone), ("name", name), ("type", "TXT"), ("content", challenge.DnsTxtValue), ("ttl", _ttl)),
                $"create TXT {name}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await LogoutAsync(session).ConfigureAwait(false);
        }
    }

    public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var session = await LoginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var zone = await FindZoneAsync(session, challenge, cancellationToken).ConfigureAwait(false);
            var name = challenge.DnsRecordName.TrimEnd('.');
            var what = $"list TXT {name}";
            using var info = await CallAsync(session, JsonBody.Rpc("nameserver.info", ("domain", zone), ("name", name), ("type", "TXT")),
                what, cancellationToken).ConfigureAwait(false);
            var ids = new List<int>();
            // No record at the name: resData has no record list.
            foreach (var record in JsonAnswer.Of(ProviderName, _redactor, info, what).Object("resData").ArrayOrEmpty("record"))
            {
                // Only our value: the wildcard and the base name share the record name.
                if (record.String("content") != challenge.DnsTxtValue) continue;
                ids.Add(int.TryParse(record.Id("id"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    ? id : throw record.Fail($"answer's {record.Path}.id is not a record id"));
            }
            foreach (var id in ids)
            {
                using var _ = await CallAsync(session, JsonBody.Rpc("nameserver.deleteRecord", ("id", id)), $"delete TXT {name}", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await LogoutAsync(session).ConfigureAwait(false);
        }
    }

    private async Task<Session> LoginAsync(CancellationToken cancellationToken)
    {
        var session = new Session();
        using var login = await CallAsync(session, JsonBody.Rpc("account.login", ("user", _user), ("pass", _password), ("lang", "en")), "login", cancellationToken).ConfigureAwait(false);
        var tfa = JsonAnswer.Of(ProviderName, _redactor, login, "login", quoted: false).ObjectOrNull("resData")?.MemberOrNull("tfa")?.Element.ToString() ?? "0";
        if (tfa == "GOOGLE-AUTH")
        {
            if (_sharedSecret is null) throw new DnsProviderException(ProviderName, "the account uses two-factor authentication: set INWX_SHARED_SECRET");
            using var _ = await CallAsync(session, JsonBody.Rpc("account.unlock", ("tan", Totp.Code(_sharedSecret, DateTimeOffset.UtcNow))), "unlock (two-factor)", cancellationToken).ConfigureAwait(false);
        }
        return session;
    }

    private async Task LogoutAsync(Session session)
    {
        try
        {
            using var _ = await CallAsync(session, JsonBody.Rpc("account.logout"), "logout", CancellationToken.None).ConfigureAwait(false);
        }
        catch (DnsProviderException)
        {
            // The record work is done; a failed logout only leaves a session to expire.
        }
    }

    private async Task<string> FindZoneAsync(Session session, ChallengeTask challenge, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(challenge.DnsRecordName))
        {
            try
            {
                using var _ = await CallAsync(session, JsonBody.Rpc("nameserver.info", ("domain", candidate)), $"look up zone {candidate}", cancellationToken).ConfigureAwait(false);
                return candidate;
            }
            catch (InwxCallException e) when (e.Code == 2303)
            {
                // Object does not exist: try the parent.
            }
        }
        throw new DnsProviderException(ProviderName, $"no INWX zone found for {challenge.DnsRecordName} (tried {string.Join(", ", ZoneCandidates.For(challenge.DnsRecordName))})");
    }

    private async Task<JsonDocument> CallAsync(Session session, string body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (session.Cookie is not null) request.Headers.Add("Cookie", session.Cookie);
        string text;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0].Trim();
                    if (!pair.StartsWith("domrobot=", StringComparison.Ordinal)) continue;
                    session.Cookie = pair;
                    // The session id is a credential while the session lasts: a server echoing the request's headers must not print it.
                    // The server chooses it, so the whole pair is masked: a bare value as short as "1" would mask every 1 in later errors.
                    _redactor.Add(pair);
                }
            }
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: {Endpoint} unreachable: {e.Message}"));
        }
        catch (Protocol.NetworkTimeoutException e)
        {
            throw new DnsProviderException(ProviderName, $"{what}: {e.Message}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new DnsProviderException(ProviderName, $"{what}: HTTP {status}, not a JSON-RPC answer");
        }
        var root = document.RootElement;
        if (status is < 200 or > 299)
        {
            // INWX answers every call 200: another status is a proxy's or a gateway's, and no
            // result whatever code its body carries.
            var said = DnsHttpApi.StringAt(root, "msg");
            document.Dispose();
            throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: HTTP {status}") + (said is null ? "" : ": " + Quote(said)));
        }
        var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var number) ? number : 0;
        if (code is < 1000 or > 1500)
        {
            var message = DnsHttpApi.StringAt(root, "msg");
            var reason = DnsHttpApi.StringAt(root, "reason");
            document.Dispose();
            throw new InwxCallException(code, _redactor.Redact($"{what}: code {code}") + (message is null ? "" : ": " + Quote(message)) + (reason is null ? "" : " (" + Quote(reason) + ")"));
        }
        return document;
    }

    /// <summary>Text the server chose, bounded as every provider bounds it (a hostile endpoint could send megabytes).</summary>
    private string Quote(string text) => RedactedExcerpt.Head(_redactor, text, RedactedExcerpt.AnswerLength);

    private sealed class Session
    {
        public string? Cookie { get; set; }
    }

    /// <summary>An INWX answer with a failure code (kept to tell "no such zone" from other errors).</summary>
    private sealed class InwxCallException(int code, string message) : DnsProviderException(ProviderName, message)
    {
        public int Code { get; } = code;
    }
}
