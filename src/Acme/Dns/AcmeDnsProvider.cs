using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>acme-dns</c>, for a joohoi/acme-dns server: <c>_acme-challenge.DOMAIN</c> is a CNAME
/// to the account's <c>fulldomain</c>, and the value is set with <c>POST {ACME_DNS_API_BASE}/update</c>
/// (<c>X-Api-User</c>, <c>X-Api-Key</c>, <c>{"subdomain","txt"}</c>). acme-dns keeps the two latest
/// values of a subdomain, so a wildcard and its base name validate together; it has no delete, so
/// cleanup leaves the value to be replaced. The per-domain accounts come from lego's storage: the
/// JSON file ACME_DNS_STORAGE_PATH (read like a credential file) or the server
/// ACME_DNS_STORAGE_BASE_URL (<c>GET {base}/{domain}</c>). Unlike lego, a domain without an
/// account is an error: registering writes state rebuild does not own, so it is done beforehand.
/// </summary>
public sealed class AcmeDnsProvider : IDnsProvider
{
    public const string ProviderName = "acme-dns";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("ACME_DNS_API_BASE", "the acme-dns API URL"),
        new("ACME_DNS_STORAGE_PATH", "JSON file of the accounts by domain (lego's storage)"),
        new("ACME_DNS_STORAGE_BASE_URL", "server answering GET /{domain} with the domain's account"),
        new("ACME_DNS_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
    ],
    Required: [["ACME_DNS_API_BASE", "ACME_DNS_STORAGE_PATH"], ["ACME_DNS_API_BASE", "ACME_DNS_STORAGE_BASE_URL"]]);

    private readonly ProviderCredentials _credentials;
    private readonly HttpClient _http;
    private readonly Uri _apiBase;
    private readonly string? _storagePath;
    private readonly DnsHttpApi? _storage;
    private Dictionary<string, Account>? _stored;

    public AcmeDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        _credentials = credentials;
        _http = httpClient;
        _apiBase = new Uri(credentials.Require(ProviderName, "ACME_DNS_API_BASE"));
        _storagePath = credentials.Get("ACME_DNS_STORAGE_PATH");
        if (credentials.Get("ACME_DNS_STORAGE_BASE_URL") is { } storage)
            _storage = new DnsHttpApi(ProviderName, httpClient, new Uri(storage), credentials.Redactor, (_, _) => { }, _ => null);
        else if (_storagePath is null)
            throw new DnsProviderException(ProviderName, "missing credentials: set " + Variables.DescribeRequired());
        PropagationTimeout = credentials.GetSeconds("ACME_DNS_PROPAGATION_TIMEOUT");
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var domain = challenge.Domain.TrimEnd('.');
        var account = await AccountAsync(domain, cancellationToken).ConfigureAwait(false);
        // Each account's password is a secret, whatever the storage's variable is called.
        _credentials.Redactor.Add(account.Password);
        var api = new DnsHttpApi(ProviderName, _http, _apiBase, _credentials.Redactor,
            (request, _) =>
            {
                request.Headers.Add("X-Api-User", account.Username);
                request.Headers.Add("X-Api-Key", account.Password);
            },
            error => DnsHttpApi.StringAt(error, "error"));
        using var _ = await api.SendAsync(HttpMethod.Post, "update", JsonBody.Object(("subdomain", account.Subdomain), ("txt", challenge.DnsTxtValue)),
            $"update TXT of {account.FullDomain} (for {challenge.DnsRecordName.TrimEnd('.')})", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>acme-dns cannot delete: the value stays until two newer ones replace it.</summary>
    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<Account> AccountAsync(string domain, CancellationToken cancellationToken)
    {
        if (_storage is not null)
        {
            using var answer = await _storage.SendAsync(HttpMethod.Get, Uri.EscapeDataString(domain), null, $"read the account of {domain}", cancellationToken,
                notFoundIsNull: true).ConfigureAwait(false);
            return (answer is null ? null : Account.From(answer.RootElement)) ?? throw Unregistered(domain);
        }
        _stored ??= ReadStorageFile();
        return _stored.TryGetValue(domain, out var account) ? account : throw Unregistered(domain);
    }

    private Dictionary<string, Account> ReadStorageFile()
    {
        var text = _credentials.ReadFile(ProviderName, "ACME_DNS_STORAGE_PATH", _storagePath!);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException();
            var accounts = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (Account.From(entry.Value) is { } account) accounts[entry.Name.TrimEnd('.')] = account;
            }
            return accounts;
        }
        catch (JsonException)
        {
            // The file holds passwords: say nothing of its text.
            throw new DnsProviderException(ProviderName, $"ACME_DNS_STORAGE_PATH ({_storagePath}) is not a JSON object of accounts by domain");
        }
    }

    private static DnsProviderException Unregistered(string domain) =>
        new(ProviderName, $"no acme-dns account for {domain} in the storage: register one with the acme-dns server (POST /register), " +
            $"add it to the storage, and CNAME _acme-challenge.{domain} to its fulldomain");

    /// <summary>One account as lego stores it.</summary>
    private sealed record Account(string Username, string Password, string Subdomain, string FullDomain)
    {
        public static Account? From(JsonElement element) =>
            DnsHttpApi.StringAt(element, "username") is { } user && DnsHttpApi.StringAt(element, "password") is { } password
                && DnsHttpApi.StringAt(element, "subdomain") is { } subdomain
                ? new Account(user, password, subdomain, DnsHttpApi.StringAt(element, "fulldomain") ?? subdomain)
                : null;
    }
}
