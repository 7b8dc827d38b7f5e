using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Dns;
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
    /// A server whose order is ready at once (no authorizations) and whose certificate URL answers
    /// the PEM chain that <paramref name="chainFor"/> makes for the CSR's key; <paramref name="alternateFor"/>,
    /// if given, answers the one alternate chain it links to.
    /// </summary>
    private static FakeAcmeServer ReadyOrderServer(Func<PublicKey, string> chainFor, Func<PublicKey, string>? alternateFor = null)
    {
        PublicKey? csrKey = null;
        var link = alternateFor is null ? null : new Dictionary<string, string> { ["Link"] = "<BASE/cert/alt>;rel=\"alternate\"" };
        return new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, $"{{\"status\":\"ready\",\"identifiers\":[{{\"type\":\"dns\",\"value\":\"{Name}\"}}],\"authorizations\":[],\"finalize\":\"BASE/finalize\"}}", OrderCreated),
            "/finalize" => Finalize(request, out csrKey),
            "/cert" => (200, chainFor(csrKey!), link),
            "/cert/alt" when alternateFor is not null => (200, alternateFor(csrKey!), null),
            _ => (404, "", null),
        });
    }

    /// <summary>Accepts the CSR at once, the certificate to be fetched at /cert; <paramref name="csrKey"/> is the CSR's key.</summary>
    private static (int, string, IReadOnlyDictionary<string, string>?) Finalize(JwsRequest request, out PublicKey csrKey)
    {
        var csr = Base64Url.Decode(request.Payload!.Value.GetProperty("csr").GetString()!);
        csrKey = CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation).PublicKey;
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

    private static async Task<IssuedCertificate> ObtainAsync(FakeAcmeServer server, IChallengeSolver? solver = null, string? preferredChain = null)
    {
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        return await new CertificateOrderer(client, account).ObtainAsync(new CertificateOrderRequest { Names = [Name], PreferredChain = preferredChain }, solver ?? new CountingSolver());
    }

    [Fact]
    public async Task A_certificate_for_the_CSRs_key_and_the_ordered_name_is_installed()
    {
        using var server = ReadyOrderServer(key => Pem(IssueFor(key, Name)));

        var issued = await ObtainAsync(server);

        Assert.Equal([Name], issued.Names);
        Assert.Contains("BEGIN CERTIFICATE", issued.CertificatePem);
    }

    [Fact]
    public async Task A_certificate_for_another_key_is_refused()
    {
        using var server = ReadyOrderServer(_ => Pem(IssueForAnotherKey(Name)));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.Contains("/cert is for another key than the one this order's CSR sent: not installed", error.Message);
    }

    [Fact]
    public async Task A_certificate_for_the_key_but_other_names_is_refused_naming_what_it_lacks()
    {
        using var server = ReadyOrderServer(key => Pem(IssueFor(key, "victim.example.net")));

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
        PublicKey? csrKey = null;
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/order/1" => (200, "{\"status\":\"ready\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", null),
            "/authz/1" => (200, "{\"status\":\"valid\",\"identifier\":{\"type\":\"dns\",\"value\":\"example.org\"},"
                + "\"challenges\":[{\"type\":\"http-01\",\"url\":\"BASE/chall\",\"status\":\"valid\",\"token\":\"tok\"}]}", null),
            "/finalize" => Finalize(request, out csrKey),
            "/cert" => (200, Pem(IssueFor(csrKey!, Name)), null),
            _ => (404, "", null),
        });
        var solver = new CountingSolver();

        var certificate = await ObtainAsync(server, solver);

        Assert.Equal([Name], certificate.Names);
        Assert.Equal(0, solver.Presented);
    }

    [Fact]
    public async Task A_chain_that_links_up_is_installed_with_or_without_its_root()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: true);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: true);
        using var withoutRoot = ReadyOrderServer(key => intermediate.IssuePem(key, Name) + Pem(intermediate.Certificate));
        using var withRoot = ReadyOrderServer(key => intermediate.IssuePem(key, Name) + Pem(intermediate.Certificate) + Pem(root.Certificate));

        var short_ = await ObtainAsync(withoutRoot);
        var long_ = await ObtainAsync(withRoot);

        Assert.Equal(Pem(intermediate.Certificate), short_.ChainPem);
        Assert.Equal(Pem(intermediate.Certificate) + Pem(root.Certificate), long_.ChainPem);
    }

    [Fact]
    public async Task A_chain_whose_next_certificate_did_not_issue_the_leaf_is_refused_naming_the_position_and_both_names()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: false);
        using var issuing = root.Intermediate("CN=Issuing CA", rsa: false);
        using var other = root.Intermediate("CN=Other\u202e CA", rsa: false);
        using var server = ReadyOrderServer(key => issuing.IssuePem(key, Name) + Pem(other.Certificate));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.EndsWith("/cert does not link up: certificate 1 is issued by 'CN=Issuing CA', but certificate 2 is 'CN=Other\\u202e CA': not installed", error.Message);
    }

    [Fact]
    public async Task A_chain_certificate_of_the_right_name_but_another_key_is_refused_naming_the_position()
    {
        // Two roots of one name: the intermediate was signed by the first, the chain ends in the second.
        using var root = TestCa.Root("CN=Test Root", rsa: true);
        using var impostor = TestCa.Root("CN=Test Root", rsa: true);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: false);
        using var server = ReadyOrderServer(key => intermediate.IssuePem(key, Name) + Pem(intermediate.Certificate) + Pem(impostor.Certificate));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.EndsWith("/cert does not link up: certificate 2 ('CN=Test Intermediate') is not signed by the key of certificate 3 ('CN=Test Root'): not installed", error.Message);
    }

    [Fact]
    public async Task The_preferred_alternate_chain_is_the_one_checked()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: true);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: true);
        using var alternateRoot = TestCa.Root("CN=Alternate Root", rsa: false);
        using var impostor = alternateRoot.Intermediate("CN=Test Intermediate", rsa: false);
        // The default chain links up; the alternate, chosen by its top name, carries an impostor of the intermediate.
        using var server = ReadyOrderServer(
            key => intermediate.IssuePem(key, Name) + Pem(intermediate.Certificate),
            key => intermediate.IssuePem(key, Name) + Pem(impostor.Certificate));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server, preferredChain: "Alternate Root"));

        Assert.EndsWith("/cert/alt does not link up: certificate 1 ('CN=a.example.org') is not signed by the key of certificate 2 ('CN=Test Intermediate'): not installed", error.Message);
    }

    [Fact]
    public async Task A_preferred_alternate_that_links_up_is_installed_though_the_default_chain_does_not()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: true);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: true);
        using var alternateRoot = TestCa.Root("CN=Alternate Root", rsa: false);
        using var impostor = alternateRoot.Intermediate("CN=Test Intermediate", rsa: false);
        // The default chain carries the impostor; the alternate, chosen by its top name, links up.
        using var server = ReadyOrderServer(
            key => intermediate.IssuePem(key, Name) + Pem(impostor.Certificate),
            key => intermediate.IssuePem(key, Name) + Pem(intermediate.Certificate) + Pem(root.Certificate));

        var issued = await ObtainAsync(server, preferredChain: "Test Root");

        Assert.Equal("Test Root", issued.ChosenChainIssuer);
        Assert.Equal(Pem(intermediate.Certificate) + Pem(root.Certificate), issued.ChainPem);
    }

    [Fact]
    public async Task A_chain_signed_with_RSA_PSS_which_the_client_cannot_verify_is_accepted_on_names_alone()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: true);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: true);
        using var server = ReadyOrderServer(key => intermediate.IssuePem(key, Name, pss: true) + Pem(intermediate.Certificate));

        // Names that do not link are refused before the algorithm is looked at (see the name-mismatch test).
        var issued = await ObtainAsync(server);

        Assert.Equal(Pem(intermediate.Certificate), issued.ChainPem);
    }

    [Fact]
    public async Task A_chain_signed_with_a_made_up_algorithm_is_refused_though_its_names_link()
    {
        using var root = TestCa.Root("CN=Test Root", rsa: false);
        using var intermediate = root.Intermediate("CN=Test Intermediate", rsa: false);
        using var server = ReadyOrderServer(key => WithMadeUpSignatureAlgorithm(intermediate.IssuePem(key, Name)) + Pem(intermediate.Certificate));

        var error = await Assert.ThrowsAsync<AcmeException>(() => ObtainAsync(server));

        Assert.EndsWith("/cert cannot be checked: certificate 1 ('CN=a.example.org') is signed with 1.2.840.10045.4.3.127, which this client does not know "
            + "(it verifies RSA PKCS #1 v1.5 and ECDSA, and holds RSA-PSS and EdDSA to the names): not installed", error.Message);
    }

    /// <summary>
    /// The certificate with its ECDSA-with-SHA256 OID (in the signed part and outside it) turned into
    /// 1.2.840.10045.4.3.127, which no one defines: its names still link, its signature cannot be read.
    /// </summary>
    private static string WithMadeUpSignatureAlgorithm(string pem)
    {
        byte[] ecdsaSha256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];
        var der = PemEncoding.Find(pem) is var found ? Convert.FromBase64String(pem[found.Base64Data]) : throw new InvalidOperationException();
        var patched = 0;
        for (var at = 0; at <= der.Length - ecdsaSha256.Length; at++)
        {
            if (!der.AsSpan(at, ecdsaSha256.Length).SequenceEqual(ecdsaSha256)) continue;
            der[at + ecdsaSha256.Length - 1] = 0x7F;
            patched++;
        }
        Assert.Equal(2, patched);
        return new string(PemEncoding.Write("CERTIFICATE", der)) + "\n";
    }

    [Fact]
    public async Task An_order_whose_server_answers_every_request_slowly_with_badNonce_is_stopped_at_its_deadline_saying_where()
    {
        // Each step is bounded (41 tries of at most 30 s each), their product is not: the whole order is.
        using var server = new FakeAcmeServer(request =>
        {
            if (request.Path == "/account") return (201, "{\"status\":\"valid\"}", AccountCreated);
            Thread.Sleep(200);
            return JwsRequest.Problem(400, "badNonce", "stale nonce");
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        var orderer = new CertificateOrderer(client, account) { Deadline = TimeSpan.FromSeconds(1.5) };

        var error = await Assert.ThrowsAsync<OrderDeadlineException>(() => orderer.ObtainAsync(new CertificateOrderRequest { Names = [Name] }, new CountingSolver()));

        Assert.Equal($"the order for {Name} was stopped after 1.5 s (the limit on one whole order), while waiting for the server to create the order: nothing installed", error.Message);
        Assert.InRange(server.Count("POST", "/order"), 1, new AcmeClientOptions().MaxBadNonceRetries);
    }

    [Fact]
    public async Task A_DNS_propagation_wait_counts_against_the_deadline_and_the_record_is_cleaned_up()
    {
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/authz/1" => (200, $"{{\"status\":\"pending\",\"identifier\":{{\"type\":\"dns\",\"value\":\"{Name}\"}},"
                + "\"challenges\":[{\"type\":\"dns-01\",\"url\":\"BASE/chall\",\"status\":\"pending\",\"token\":\"tok\"}]}", null),
            _ => (404, "", null),
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        var solver = new NeverPropagatingSolver();
        var orderer = new CertificateOrderer(client, account) { Deadline = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<OrderDeadlineException>(() => orderer.ObtainAsync(new CertificateOrderRequest { Names = [Name] }, solver));

        Assert.Equal($"presenting dns-01 for '{Name}' (setting the record and waiting for it to propagate)", error.Step);
        Assert.EndsWith($"while presenting dns-01 for '{Name}' (setting the record and waiting for it to propagate): nothing installed", error.Message);
        Assert.Equal(1, solver.CleanedUp);
        Assert.False(solver.CleanupTokenCancelled);
        Assert.Equal(0, server.Count("POST", "/chall"));
    }

    [Fact]
    public async Task A_failed_authorization_surfaces_at_once_under_its_own_name_while_another_waits_for_propagation()
    {
        const string Other = "b.example.org";
        var solver = new NeverPropagatingSolver();
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\",\"BASE/authz/2\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/authz/1" => (200, $"{{\"status\":\"pending\",\"identifier\":{{\"type\":\"dns\",\"value\":\"{Name}\"}},"
                + "\"challenges\":[{\"type\":\"dns-01\",\"url\":\"BASE/chall/1\",\"status\":\"pending\",\"token\":\"tok1\"}]}", null),
            // The failure waits until the other lane has presented, so its cleanup is really asked. The
            // fake server answers one request at a time: it cannot block here while /authz/1 waits, so
            // it has the client ask again (badNonce) until then.
            "/authz/2" when !solver.PresentedOnce.Task.Wait(TimeSpan.FromMilliseconds(200)) => JwsRequest.Problem(400, "badNonce", "not yet"),
            "/authz/2" => (200, $"{{\"status\":\"invalid\",\"identifier\":{{\"type\":\"dns\",\"value\":\"{Other}\"}},"
                + "\"challenges\":[{\"type\":\"dns-01\",\"url\":\"BASE/chall/2\",\"status\":\"invalid\",\"token\":\"tok2\","
                + "\"error\":{\"type\":\"urn:ietf:params:acme:error:unauthorized\",\"detail\":\"no TXT record\"}}]}", null),
            _ => (404, "", null),
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        // The lane of a.example.org would wait until this deadline; the test gives up long before it.
        var orderer = new CertificateOrderer(client, account) { Deadline = TimeSpan.FromMinutes(10) };

        var error = await Assert.ThrowsAsync<ChallengeFailedException>(() =>
            orderer.ObtainAsync(new CertificateOrderRequest { Names = [Name, Other] }, solver).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains(Other, error.Message);
        Assert.Contains("no TXT record", error.Message);
        // The other lane was stopped while presenting and what it presented cleaned up, with a live token.
        Assert.Equal(1, solver.Presented);
        Assert.Equal(1, solver.CleanedUp);
        Assert.False(solver.CleanupTokenCancelled);
    }

    [Fact]
    public async Task A_real_failure_racing_the_deadline_keeps_its_own_name_though_another_lane_was_cancelled()
    {
        const string Other = "b.example.org";
        static string Pending(string name, int n) => $"{{\"status\":\"pending\",\"identifier\":{{\"type\":\"dns\",\"value\":\"{name}\"}},"
            + $"\"challenges\":[{{\"type\":\"dns-01\",\"url\":\"BASE/chall/{n}\",\"status\":\"pending\",\"token\":\"tok{n}\"}}]}}";
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/order" => (201, "{\"status\":\"pending\",\"authorizations\":[\"BASE/authz/1\",\"BASE/authz/2\"],\"finalize\":\"BASE/finalize\"}", OrderCreated),
            "/authz/1" => (200, Pending(Name, 1), null),
            "/authz/2" => (200, Pending(Other, 2), null),
            _ => (404, "", null),
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        var orderer = new CertificateOrderer(client, account) { Deadline = TimeSpan.FromSeconds(1) };

        // The first lane is cancelled by the deadline; the second fails for real once it has fired.
        var error = await Assert.ThrowsAsync<AcmeException>(() =>
            orderer.ObtainAsync(new CertificateOrderRequest { Names = [Name, Other] }, new FailingAtTheDeadlineSolver(Other)).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal($"cannot set up dns-01 for '{Other}': test: API broke", error.Message);
    }

    /// <summary>Waits for the cancellation when presenting; for one name, then fails as a provider would.</summary>
    private sealed class FailingAtTheDeadlineSolver(string failing) : IChallengeSolver
    {
        public string ChallengeType => ChallengeTypes.Dns01;

        public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (challenge.Domain == failing)
            {
                throw new DnsProviderException("test", "API broke");
            }
        }

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A dns-01 solver whose record never shows up: presenting waits until cancelled.</summary>
    private sealed class NeverPropagatingSolver : IChallengeSolver
    {
        public int Presented;
        public int CleanedUp;

        /// <summary>Whether a cleanup was handed a token already cancelled (it would give up at once, leaving the record).</summary>
        public bool CleanupTokenCancelled;

        public string ChallengeType => ChallengeTypes.Dns01;

        /// <summary>Set once a challenge was presented (the record set, its propagation awaited).</summary>
        public TaskCompletionSource PresentedOnce { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Presented);
            PresentedOnce.TrySetResult();
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref CleanedUp);
            if (cancellationToken.IsCancellationRequested) CleanupTokenCancelled = true;
            return Task.CompletedTask;
        }
    }

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>A throwaway CA (RSA or ECDSA) that can sign intermediates and leaves.</summary>
    private sealed class TestCa : IDisposable
    {
        private readonly AsymmetricAlgorithm _key;

        private TestCa(X509Certificate2 certificate, AsymmetricAlgorithm key)
        {
            Certificate = certificate;
            _key = key;
        }

        public X509Certificate2 Certificate { get; }

        public static TestCa Root(string name, bool rsa)
        {
            var key = NewKey(rsa);
            var request = key is RSA r
                ? new CertificateRequest(name, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : new CertificateRequest(name, (ECDsa)key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            var now = DateTimeOffset.UtcNow;
            return new TestCa(request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30)), key);
        }

        public TestCa Intermediate(string name, bool rsa)
        {
            var key = NewKey(rsa);
            var request = SignedByThis(new X500DistinguishedName(name), new PublicKey(key));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            var now = DateTimeOffset.UtcNow;
            using var issued = request.Create(Certificate.SubjectName, Signer(), now.AddDays(-1), now.AddDays(20), [1, 2]);
            return new TestCa(key is RSA r ? issued.CopyWithPrivateKey(r) : issued.CopyWithPrivateKey((ECDsa)key), key);
        }

        public string IssuePem(PublicKey publicKey, string name, bool pss = false)
        {
            var request = SignedByThis(new X500DistinguishedName("CN=" + name), publicKey);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(name);
            request.CertificateExtensions.Add(san.Build());
            var now = DateTimeOffset.UtcNow;
            var signer = pss ? X509SignatureGenerator.CreateForRSA((RSA)_key, RSASignaturePadding.Pss) : Signer();
            using var leaf = request.Create(Certificate.SubjectName, signer, now.AddDays(-1), now.AddDays(10), [3, 4]);
            return Pem(leaf);
        }

        private static CertificateRequest SignedByThis(X500DistinguishedName subject, PublicKey publicKey) => new(subject, publicKey, HashAlgorithmName.SHA256);

        // A generator, not the issuer certificate: .NET signs with a certificate only requests of its own key type.
        private X509SignatureGenerator Signer() =>
            _key is RSA rsa ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa((ECDsa)_key);

        private static AsymmetricAlgorithm NewKey(bool rsa) => rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public void Dispose()
        {
            Certificate.Dispose();
            _key.Dispose();
        }
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
