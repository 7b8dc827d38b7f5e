using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol.Resources;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// RFC 8555 client for one ACME server (one directory URL). Thread-safe: concurrent orders share
/// the directory, the HTTP connection pool and the nonce pool. Every POST is a JWS; a
/// <c>badNonce</c> answer is retried at once with the nonce that came with the error; every other
/// problem (including <c>rateLimited</c>) is thrown as <see cref="AcmeProblemException"/>.
/// </summary>
public sealed class AcmeClient : IDisposable
{
    private const string JoseContentType = "application/jose+json";
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly NoncePool _nonces = new();
    private readonly SemaphoreSlim _directoryLock = new(1, 1);
    private AcmeDirectory? _directory;
    private long _badNonceRetries;
    private long _nonceRequests;

    public AcmeClient(Uri directoryUrl, HttpClient httpClient, AcmeClientOptions? options = null, bool disposeHttpClient = false)
    {
        DirectoryUrl = directoryUrl;
        _http = httpClient;
        _ownsHttp = disposeHttpClient;
        Options = options ?? new AcmeClientOptions();
    }

    /// <summary>A client with its own HttpClient that also trusts <paramref name="extraTrustedCa"/>.</summary>
    public AcmeClient(Uri directoryUrl, X509Certificate2? extraTrustedCa = null, AcmeClientOptions? options = null)
        : this(directoryUrl, AcmeHttp.CreateClient(extraTrustedCa, options?.RequestTimeout), options, disposeHttpClient: true)
    {
    }

    public Uri DirectoryUrl { get; }

    public AcmeClientOptions Options { get; }

    private TimeProvider Time => Options.Time;

    /// <summary>How many requests were resent after a badNonce answer (for diagnostics).</summary>
    public long BadNonceRetries => Interlocked.Read(ref _badNonceRetries);

    /// <summary>How many nonces were fetched from newNonce because the pool was empty.</summary>
    public long NonceRequests => Interlocked.Read(ref _nonceRequests);

    // ---- directory and nonces -------------------------------------------------------------

    public async Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken = default)
    {
        if (_directory is { } cached) return cached;
        await _directoryLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_directory is { } again) return again;
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, DirectoryUrl), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw ProblemFrom(response, body, DirectoryUrl, "directory");
            var directory = Parse(body, AcmeJsonContext.Default.AcmeDirectory, DirectoryUrl);
            if (directory.NewNonce is null || directory.NewAccount is null || directory.NewOrder is null)
                throw new AcmeException($"{DirectoryUrl} is not an ACME directory (newNonce, newAccount or newOrder missing)");
            // Checked here as well as when followed: renewalInfo is built upon, and a bad one would fail after a certificate is installed.
            foreach (var url in (Uri?[])[directory.NewNonce, directory.NewAccount, directory.NewOrder, directory.RevokeCert, directory.KeyChange, directory.RenewalInfo])
            {
                if (url is not null) ServerUrlScheme.Check(url, DirectoryUrl);
            }
            _directory = directory;
            return directory;
        }
        finally
        {
            _directoryLock.Release();
        }
    }

    private async Task<string> TakeNonceAsync(CancellationToken cancellationToken)
    {
        if (_nonces.TryTake(out var pooled)) return pooled;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _nonceRequests);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Head, directory.NewNonce), cancellationToken).ConfigureAwait(false);
        return ReplayNonce(response)
            ?? throw new AcmeException($"{directory.NewNonce} returned no Replay-Nonce (HTTP {(int)response.StatusCode})");
    }

    private static string? ReplayNonce(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Replay-Nonce", out var values) ? values.FirstOrDefault() : null;

    // ---- accounts --------------------------------------------------------------------------

    /// <summary>
    /// newAccount: creates the account, or returns the existing one for this key (RFC 8555 §7.3.1),
    /// and sets <see cref="AcmeAccount.Location"/>.
    /// </summary>
    public async Task<AcmeAccountResource> RegisterAccountAsync(AcmeAccount account, AccountRegistration registration, CancellationToken cancellationToken = default)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var payload = new NewAccountPayload
        {
            TermsOfServiceAgreed = registration.TermsOfServiceAgreed ? true : null,
            Contact = registration.Contact.Count == 0 ? null : registration.Contact.Select(ContactUri).ToList(),
        };
        if (registration.ExternalAccountBinding is { } eab)
        {
            byte[] hmacKey;
            try
            {
                hmacKey = Base64Url.Decode(eab.HmacKeyBase64Url);
            }
            catch (FormatException)
            {
                // Never quote the key: it is a credential.
                throw new AcmeException($"the External Account Binding HMAC key for key id '{eab.KeyId}' is not base64url");
            }
            var jws = JwsSigner.SignExternalAccountBinding(account.Key, eab.KeyId, hmacKey, directory.NewAccount!);
            payload.ExternalAccountBinding = JsonDocument.Parse(jws).RootElement.Clone();
        }
        else if (directory.Meta?.ExternalAccountRequired == true)
        {
            throw new AcmeException($"{DirectoryUrl} requires External Account Binding: configure an EAB key id and HMAC key");
        }
        return await AccountRequestAsync(account, directory.NewAccount!, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>newAccount with onlyReturnExisting: the account of this key, or null when there is none.</summary>
    public async Task<AcmeAccountResource?> FindAccountAsync(AcmeAccount account, CancellationToken cancellationToken = default)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await AccountRequestAsync(account, directory.NewAccount!, new NewAccountPayload { OnlyReturnExisting = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (AcmeProblemException e) when (e.Kind == AcmeProblemKind.AccountDoesNotExist)
        {
            return null;
        }
    }

    private async Task<AcmeAccountResource> AccountRequestAsync(AcmeAccount account, Uri url, NewAccountPayload payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(payload, AcmeJsonContext.Default.NewAccountPayload);
        var response = await PostAsync(account, url, json, useJwk: true, accept: null, cancellationToken).ConfigureAwait(false);
        account.Location = response.Location ?? throw new AcmeException($"{url} returned no account URL (Location)");
        var resource = Parse(response.Body, AcmeJsonContext.Default.AcmeAccountResource, url);
        account.Resource = resource;
        return resource;
    }

    private static string ContactUri(string contact) => contact.Contains(':', StringComparison.Ordinal) ? contact : "mailto:" + contact;

    // ---- orders, authorizations, challenges ------------------------------------------------

    /// <summary>
    /// newOrder for the identifiers, optionally with a certificate profile (must be offered by the
    /// directory) and the ARI certificate id of the certificate it replaces (sent only when the
    /// server offers ARI).
    /// </summary>
    public async Task<AcmeOrder> NewOrderAsync(AcmeAccount account, IEnumerable<AcmeIdentifier> identifiers, string? profile = null, string? replaces = null, CancellationToken cancellationToken = default)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (profile is not null)
        {
            var offered = directory.Meta?.Profiles;
            if (offered is null || !offered.ContainsKey(profile))
            {
                throw new AcmeException(offered is null
                    ? $"certificate profile '{profile}' requested, but {DirectoryUrl} offers no profiles"
                    : $"certificate profile '{profile}' is not offered by {DirectoryUrl} (offered: {ServerText.Quote(string.Join(", ", offered.Keys), ServerText.FieldLength)})");
            }
        }
        var payload = new NewOrderPayload
        {
            Identifiers = identifiers.ToList(),
            Profile = profile,
            Replaces = directory.RenewalInfo is null ? null : replaces,
        };
        var json = JsonSerializer.Serialize(payload, AcmeJsonContext.Default.NewOrderPayload);
        var response = await PostAsync(account, directory.NewOrder!, json, useJwk: false, accept: null, cancellationToken).ConfigureAwait(false);
        var order = Parse(response.Body, AcmeJsonContext.Default.AcmeOrder, directory.NewOrder!);
        order.Location = response.Location ?? throw new AcmeException($"{directory.NewOrder} returned no order URL (Location)");
        return order;
    }

    public async Task<AcmeOrder> GetOrderAsync(AcmeAccount account, Uri orderUrl, CancellationToken cancellationToken = default) =>
        (await GetOrderWithHeadersAsync(account, orderUrl, cancellationToken).ConfigureAwait(false)).Order;

    private async Task<(AcmeOrder Order, TimeSpan? RetryAfter)> GetOrderWithHeadersAsync(AcmeAccount account, Uri orderUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(account, orderUrl, null, cancellationToken).ConfigureAwait(false);
        var order = Parse(response.Body, AcmeJsonContext.Default.AcmeOrder, orderUrl);
        order.Location = orderUrl;
        return (order, response.RetryAfter);
    }

    public async Task<AcmeAuthorization> GetAuthorizationAsync(AcmeAccount account, Uri authorizationUrl, CancellationToken cancellationToken = default) =>
        (await GetAuthorizationWithHeadersAsync(account, authorizationUrl, cancellationToken).ConfigureAwait(false)).Authorization;

    private async Task<(AcmeAuthorization Authorization, TimeSpan? RetryAfter)> GetAuthorizationWithHeadersAsync(AcmeAccount account, Uri url, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(account, url, null, cancellationToken).ConfigureAwait(false);
        var authorization = Parse(response.Body, AcmeJsonContext.Default.AcmeAuthorization, url);
        authorization.Location = url;
        return (authorization, response.RetryAfter);
    }

    /// <summary>Tells the server the challenge is ready to be validated (POST <c>{}</c>).</summary>
    public async Task<AcmeChallenge> RespondToChallengeAsync(AcmeAccount account, AcmeChallenge challenge, CancellationToken cancellationToken = default)
    {
        var url = challenge.Url ?? throw new AcmeException("challenge without URL");
        var response = await PostAsync(account, url, "{}", useJwk: false, accept: null, cancellationToken).ConfigureAwait(false);
        return Parse(response.Body, AcmeJsonContext.Default.AcmeChallenge, url);
    }

    /// <summary>Deactivates an authorization (RFC 8555 §7.5.2), e.g. after a failed order.</summary>
    public async Task DeactivateAuthorizationAsync(AcmeAccount account, Uri authorizationUrl, CancellationToken cancellationToken = default) =>
        await PostAsync(account, authorizationUrl, "{\"status\":\"deactivated\"}", useJwk: false, accept: null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Polls the authorization until it leaves <c>pending</c>: honours Retry-After, otherwise waits
    /// <see cref="AcmeClientOptions.InitialPollInterval"/> and backs off, within
    /// <see cref="AcmeClientOptions.ValidationTimeout"/>.
    /// </summary>
    public async Task<AcmeAuthorization> WaitForAuthorizationAsync(AcmeAccount account, Uri authorizationUrl, CancellationToken cancellationToken = default)
    {
        var poll = new Poller(Options, Options.ValidationTimeout);
        while (true)
        {
            var (authorization, retryAfter) = await GetAuthorizationWithHeadersAsync(account, authorizationUrl, cancellationToken).ConfigureAwait(false);
            if (authorization.Status is not ("pending" or "processing")) return authorization;
            await poll.WaitAsync(retryAfter, $"authorization of '{authorization.OrderedName}' still {authorization.Status}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls the order while it is <c>pending</c> or <c>processing</c>.</summary>
    public async Task<AcmeOrder> WaitForOrderAsync(AcmeAccount account, Uri orderUrl, CancellationToken cancellationToken = default)
    {
        var poll = new Poller(Options, Options.OrderTimeout);
        while (true)
        {
            var (order, retryAfter) = await GetOrderWithHeadersAsync(account, orderUrl, cancellationToken).ConfigureAwait(false);
            if (order.Status is not ("pending" or "processing")) return order;
            await poll.WaitAsync(retryAfter, $"order {orderUrl} still {order.Status}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the CSR (DER) to the order's finalize URL.</summary>
    public async Task<AcmeOrder> FinalizeAsync(AcmeAccount account, AcmeOrder order, byte[] csrDer, CancellationToken cancellationToken = default)
    {
        var url = order.Finalize ?? throw new AcmeException("order without finalize URL");
        var json = JsonSerializer.Serialize(new FinalizePayload { Csr = Base64Url.Encode(csrDer) }, AcmeJsonContext.Default.FinalizePayload);
        var response = await PostAsync(account, url, json, useJwk: false, accept: null, cancellationToken).ConfigureAwait(false);
        var result = Parse(response.Body, AcmeJsonContext.Default.AcmeOrder, url);
        result.Location = order.Location;
        return result;
    }

    // ---- certificates ----------------------------------------------------------------------

    /// <summary>Alternate chains fetched at most: real CAs offer one or two; each costs a request.</summary>
    public const int MaxAlternateChains = 8;

    /// <summary>
    /// Downloads the certificate chain at <paramref name="certificateUrl"/> and, when asked, the
    /// alternate chains the server links with <c>rel="alternate"</c> (the first
    /// <see cref="MaxAlternateChains"/> distinct ones). The default chain comes first.
    /// </summary>
    public async Task<IReadOnlyList<CertificateChain>> DownloadCertificateAsync(AcmeAccount account, Uri certificateUrl, bool includeAlternates, CancellationToken cancellationToken = default)
    {
        var response = await PostAsGetAsync(account, certificateUrl, "application/pem-certificate-chain", cancellationToken).ConfigureAwait(false);
        var chains = new List<CertificateChain> { CertificateChain.Parse(Encoding.ASCII.GetString(response.Body), certificateUrl) };
        if (includeAlternates)
        {
            var alternates = response.LinksWithRel("alternate").Where(url => url != certificateUrl).Distinct().Take(MaxAlternateChains).ToList();
            var downloads = alternates.Select(async url =>
            {
                var alternate = await PostAsGetAsync(account, url, "application/pem-certificate-chain", cancellationToken).ConfigureAwait(false);
                return CertificateChain.Parse(Encoding.ASCII.GetString(alternate.Body), url);
            });
            chains.AddRange(await Task.WhenAll(downloads).ConfigureAwait(false));
        }
        return chains;
    }

    /// <summary>revokeCert signed by the account (RFC 8555 §7.6); <paramref name="reason"/> is an RFC 5280 CRLReason code.</summary>
    public async Task RevokeCertificateAsync(AcmeAccount account, X509Certificate2 certificate, int? reason = null, CancellationToken cancellationToken = default)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = directory.RevokeCert ?? throw new AcmeException($"{DirectoryUrl} offers no revokeCert");
        var json = JsonSerializer.Serialize(new RevokePayload { Certificate = Base64Url.Encode(certificate.RawData), Reason = reason }, AcmeJsonContext.Default.RevokePayload);
        await PostAsync(account, url, json, useJwk: false, accept: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 9773 renewal information for a certificate, or null when the server offers no ARI.</summary>
    public async Task<RenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory.RenewalInfo is null) return null;
        var url = new Uri(directory.RenewalInfo.AbsoluteUri.TrimEnd('/') + "/" + RenewalCertificateId.Of(certificate));
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw ProblemFrom(response, body, url, "renewalInfo");
        var info = Parse(body, AcmeJsonContext.Default.RenewalInfo, url);
        info.RetryAfter = RetryAfter.From(response.Headers, Time);
        return info;
    }

    // ---- transport -------------------------------------------------------------------------

    // Internal, not private: the tests' testbed reads the account's orders list (a call the product never needs) through it.
    internal Task<AcmeResponse> PostAsGetAsync(AcmeAccount account, Uri url, string? accept, CancellationToken cancellationToken) =>
        PostAsync(account, url, "", useJwk: false, accept, cancellationToken);

    private async Task<AcmeResponse> PostAsync(AcmeAccount account, Uri url, string payloadJson, bool useJwk, string? accept, CancellationToken cancellationToken)
    {
        if (!useJwk && account.Location is null)
            throw new InvalidOperationException("the account is not registered yet: call RegisterAccountAsync or FindAccountAsync first");
        var nonce = await TakeNonceAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var jws = JwsSigner.Sign(account.Key, payloadJson, url, nonce, useJwk ? null : account.Location);
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(jws)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JoseContentType);
            if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var fresh = ReplayNonce(response);
            if (response.IsSuccessStatusCode)
            {
                _nonces.Add(fresh);
                return new AcmeResponse(response, body, Time);
            }
            var problem = ProblemFrom(response, body, url, null);
            if (problem.Kind == AcmeProblemKind.BadNonce && attempt < Options.MaxBadNonceRetries)
            {
                // Retry at once with the nonce the error carried (or a new one if it had none).
                Interlocked.Increment(ref _badNonceRetries);
                nonce = fresh ?? await TakeNonceAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            _nonces.Add(fresh);
            // A server refusing every nonce is cut off after the retries: the message says how many.
            throw problem.Kind == AcmeProblemKind.BadNonce && attempt > 0
                ? ProblemFrom(response, body, url, $"{url} refused {attempt + 1} nonces in a row (the limit is {Options.MaxBadNonceRetries} retries)")
                : problem;
        }
    }

    /// <summary>
    /// Every request to the CA goes through here: a URL the server gave in another scheme is refused
    /// (<see cref="ServerUrlScheme"/>); a failure to connect or read names the URL (its password
    /// redacted by <see cref="AcmeException"/>); a timeout already does.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            ServerUrlScheme.Check(request.RequestUri!, DirectoryUrl);
            try
            {
                return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw AcmeConnectionException.From(request.RequestUri!, e);
            }
        }
    }

    private AcmeProblemException ProblemFrom(HttpResponseMessage response, byte[] body, Uri url, string? context)
    {
        AcmeProblem? problem = null;
        try
        {
            if (body.Length > 0) problem = JsonSerializer.Deserialize(body, AcmeJsonContext.Default.AcmeProblem);
        }
        catch (JsonException)
        {
        }
        problem ??= new AcmeProblem { Detail = $"{url} answered HTTP {(int)response.StatusCode} without a problem document" };
        if (problem.Type is null && problem.Detail is null)
            problem.Detail = $"{url} answered HTTP {(int)response.StatusCode}";
        return new AcmeProblemException(problem, (int)response.StatusCode, url, RetryAfter.From(response.Headers, Time), context);
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new AcmeException($"{url} returned an empty body");
        }
        catch (JsonException e)
        {
            throw new AcmeException($"{url} returned malformed JSON: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
        _directoryLock.Dispose();
    }

    /// <summary>
    /// Waits between polls: the server's Retry-After, else an exponential backoff; bounded overall.
    /// A Retry-After shorter than the first interval is lengthened to it (a server answering 0 would
    /// have the client poll without pause until the limit); one that reaches past the limit ends
    /// the wait at once, saying so.
    /// </summary>
    private sealed class Poller(AcmeClientOptions options, TimeSpan limit)
    {
        private readonly long _start = options.Time.GetTimestamp();
        private TimeSpan _next = options.InitialPollInterval;

        public async Task WaitAsync(TimeSpan? retryAfter, string what, CancellationToken cancellationToken)
        {
            var wait = retryAfter is { } asked ? (asked < options.InitialPollInterval ? options.InitialPollInterval : asked) : _next;
            _next = TimeSpan.FromTicks(Math.Min((long)(_next.Ticks * options.PollBackoffFactor), options.MaxPollInterval.Ticks));
            var elapsed = options.Time.GetElapsedTime(_start);
            if (elapsed + wait > limit)
            {
                throw new AcmeException(retryAfter is { } told && elapsed + told > limit
                    ? $"gave up after {elapsed.TotalSeconds:0} s of at most {limit.TotalSeconds:0} s: {what}, and the server says to ask again in {told.TotalSeconds:0} s"
                    : $"gave up after {limit.TotalSeconds:0} s: {what}");
            }
            await Task.Delay(wait, options.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
