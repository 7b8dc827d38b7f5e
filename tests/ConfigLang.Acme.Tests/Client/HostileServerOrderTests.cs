using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>
/// Whole orders against a scripted loopback ACME server that lies: more authorizations than names,
/// an authorization for a name never ordered, a certificate for another key or other names.
/// </summary>
public sealed class HostileServerOrderTests
{
    private const string Name = "a.example.org";

    private static readonly IReadOnlyDictionary<string, string> AccountCreated = new Dictionary<string, string> { ["Location"] = "BASE/acct/1" };
    private static readonly IReadOnlyDictionary<string, string> OrderCreated = new Dictionary<string, string> { ["Location"] = "BASE/order/1" };

    // Short limits: code that polls a lying server must fail these tests, not hang them.
    private static readonly AcmeClientOptions QuickOptions = new() { ValidationTimeout = TimeSpan.FromSeconds(5), OrderTimeout = TimeSpan.FromSeconds(5) };

    private static async Task<(AcmeClient Client, AcmeAccount Account)> RegisteredAsync(FakeAcmeServer server)
    {
        var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), QuickOptions, disposeHttpClient: true);
        var account = AcmeAccount.Generate();
        await client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true });
        return (client, account);
    }

    /// <summary>
    /// A server whose order is ready at once (no authorizations) and whose certificate is what
    /// <paramref name="issue"/> makes of the CSR's public key.
    /// </summary>
    private static FakeAcmeServer ReadyOrderServer(Func<PublicKey, X509Certificate2> issue)
    {
        X509Certificate2? issued = null;
        return new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, $"{{\"status\":\"ready\",\"identifiers\":[{{\"type\":\"dns\",\"value\":\"{Name}\"}}],\"authorizations\":[],\"finalize\":\"BASE/finalize\"}}", OrderCreated),
            "/finalize" => Finalize(request, issue, out issued),
            "/cert" => (200, issued!.ExportCertificatePem() + "\n", null),
            _ => (404, "", null),
        });
    }

    private static (int, string, IReadOnlyDictionary<string, string>?) Finalize(JwsRequest request, Func<PublicKey, X509Certificate2> issue, out X509Certificate2 issued)
    {
        var csr = Base64Url.Decode(request.Payload!.Value.GetProperty("csr").GetString()!);
        var loaded = CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation);
        issued = issue(loaded.PublicKey);
        return (200, "{\"status\":\"valid\",\"certificate\":\"BASE/cert\"}", null);
    }

    /// <summary>A certificate for <paramref name="publicKey"/> naming <paramref name="names"/>, signed by a throwaway CA.</summary>
    private static X509Certificate2 IssueFor(PublicKey publicKey, params string[] names)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Hostile Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + names[0]), publicKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        return request.Create(ca, now.AddDays(-1), now.AddDays(10), [7, 7, 7]);
    }

    private static X509Certificate2 IssueForAnotherKey(string name)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return IssueFor(new CertificateRequest("CN=x", other, HashAlgorithmName.SHA256).PublicKey, name);
    }

    private static async Task<IssuedCertificate> ObtainAsync(FakeAcmeServer server, IChallengeSolver? solver = null)
    {
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        return await new CertificateOrderer(client, account).ObtainAsync(new CertificateOrderRequest { Names = [Name] }, solver ?? new CountingSolver());
    }

    [Fact]
    public async Task A_certificate_for_the_CSRs_key_and_the_ordered_name_is_installed()
    {
        using var server = ReadyOrderServer(key => IssueFor(key, Name));

        var issued = await ObtainAsync(server);

        Assert.Equal([Name], issued.Names);
        Assert.Contains("BEGIN CERTIFICATE", issued.CertificatePem);
    }

    [Fact]
    public async Task A_certificate_for_another_key_is_refused()
    {
        using var server = ReadyOrderServer(_ => IssueForAnotherKey(Name));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.Contains("/cert is for another key than the one this order's CSR sent: not installed", error.Message);
    }

    [Fact]
    public async Task A_certificate_for_the_key_but_other_names_is_refused_naming_what_it_lacks()
    {
        using var server = ReadyOrderServer(key => IssueFor(key, "victim.example.net"));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.Contains($"does not name '{Name}' (it names victim.example.net): not installed", error.Message);
    }

    [Fact]
    public async Task An_order_listing_more_authorizations_than_names_is_refused_before_any_is_fetched()
    {
        var authorizations = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"BASE/authz/{i}\""));
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, $"{{\"status\":\"pending\",\"authorizations\":[{authorizations}],\"finalize\":\"BASE/finalize\"}}", OrderCreated),
            _ => (200, $"{{\"status\":\"pending\",\"identifier\":{{\"type\":\"dns\",\"value\":\"{Name}\"}},\"challenges\":[{{\"type\":\"http-01\",\"url\":\"BASE/chall\",\"status\":\"pending\",\"token\":\"tok\"}}]}}", null),
        });
        var solver = new CountingSolver();

        var error = await Assert.ThrowsAnyAsync<AcmeException>(() => ObtainAsync(server, solver));

        Assert.Contains("lists 1000 authorizations for 1 ordered name (at most one per name): nothing presented", error.Message);
        Assert.Equal(0, solver.Presented);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/authz/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authorization_for_a_name_never_ordered_is_refused_before_its_challenge_is_presented()
    {
        var answered = false;
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/chall" => Answer(out answered),
            "/authz/1" => (200, $"{{\"status\":\"{(answered ? "valid" : "pending")}\",\"identifier\":{{\"type\":\"dns\",\"value\":\"victim.example.net\"}},"
                + "\"challenges\":[{\"type\":\"http-01\",\"url\":\"BASE/chall\",\"status\":\"pending\",\"token\":\"tok\"}]}", null),
            _ => (404, "", null),
        });
        var solver = new CountingSolver();

        var error = await Assert.ThrowsAnyAsync<AcmeException>(() => ObtainAsync(server, solver));

        Assert.Contains($"/authz/1 is for 'victim.example.net', which this order did not ask for (ordered: {Name}): nothing presented", error.Message);
        Assert.Equal(0, solver.Presented);
    }

    [Fact]
    public async Task An_order_with_a_valid_authorization_for_a_parent_domain_is_accepted()
    {
        // RFC 9444: a CA may attach an already-valid authorization for example.org to an order for a.example.org.
        X509Certificate2? issued = null;
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/order/1" => (200, "{\"status\":\"ready\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", null),
            "/authz/1" => (200, "{\"status\":\"valid\",\"identifier\":{\"type\":\"dns\",\"value\":\"example.org\"},"
                + "\"challenges\":[{\"type\":\"http-01\",\"url\":\"BASE/chall\",\"status\":\"valid\",\"token\":\"tok\"}]}", null),
            "/finalize" => Finalize(request, key => IssueFor(key, Name), out issued),
            "/cert" => (200, issued!.ExportCertificatePem() + "\n", null),
            _ => (404, "", null),
        });
        var solver = new CountingSolver();

        var certificate = await ObtainAsync(server, solver);

        Assert.Equal([Name], certificate.Names);
        Assert.Equal(0, solver.Presented);
    }

    private static (int, string, IReadOnlyDictionary<string, string>?) Answer(out bool answered)
    {
        answered = true;
        return (200, "{\"type\":\"http-01\",\"status\":\"processing\"}", null);
    }

    /// <summary>Presents nothing anywhere; counts what it was asked to present.</summary>
    private sealed class CountingSolver : IChallengeSolver
    {
        public int Presented;

        public string ChallengeType => ChallengeTypes.Http01;

        public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Presented);
            return Task.CompletedTask;
        }

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
