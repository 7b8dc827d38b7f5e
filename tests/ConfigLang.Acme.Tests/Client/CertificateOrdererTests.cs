using ConfigLang.Acme.Model;
using System.Collections.Concurrent;
using System.Net;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Testbed.IssuedCertificateAssertions;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>End-to-end issuance against the shared pebble + knot testbed, one challenge type per test.</summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class CertificateOrdererTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    private CertificateOrderer Orderer => new(fixture.Client, fixture.Account);

    private IPEndPoint Http01 => new(IPAddress.Loopback, Bed.Http01Port);

    [Fact]
    public async Task Http01_with_own_listener_issues_a_certificate_that_chains_to_pebbles_root()
    {
        var name = Bed.UniqueName("listen");
        var events = new ConcurrentQueue<OrderProgress>();
        await using var solver = new ListenerHttp01Solver(Http01);

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver, new SyncProgress(events));

        AssertValid(issued, await Bed.RootAsync(), name);
        var stages = events.Select(e => e.Stage).ToList();
        Assert.Equal(OrderStage.Started, stages[0]);
        Assert.Equal(OrderStage.Completed, stages[^1]);
        Assert.Contains(OrderStage.ChallengeValid, stages);
        Assert.Contains(OrderStage.ChallengeCleanedUp, stages);
    }

    [Fact]
    public async Task Http01_into_a_webroot_serves_a_world_readable_token_file_and_removes_it()
    {
        var name = Bed.UniqueName("webroot");
        var webroot = Directory.CreateTempSubdirectory("acme-webroot-").FullName;
        try
        {
            await using var server = new WebrootServer(webroot, Bed.Http01Port);
            var solver = new WebrootHttp01Solver(webroot);

            var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver);

            AssertValid(issued, await Bed.RootAsync(), name);
            Assert.True(server.Served > 0, "pebble never fetched the token from the webroot");
            Assert.Empty(Directory.GetFiles(Path.Combine(webroot, ".well-known", "acme-challenge")));
        }
        finally
        {
            Directory.Delete(webroot, recursive: true);
        }
    }

    [Fact]
    public async Task Webroot_token_file_is_removed_when_validation_fails_and_the_error_names_name_and_challenge()
    {
        const string outside = "www.outside-the-zone.invalid";
        var webroot = Directory.CreateTempSubdirectory("acme-webroot-").FullName;
        try
        {
            await using var server = new WebrootServer(webroot, Bed.Http01Port);
            var solver = new WebrootHttp01Solver(webroot);

            var error = await Assert.ThrowsAsync<ChallengeFailedException>(() => Orderer.ObtainAsync(new CertificateOrderRequest { Names = [outside] }, solver));

            Assert.Equal(outside, error.Identifier);
            Assert.Contains(outside, error.Message);
            Assert.Contains("http-01", error.Message);
            Assert.Empty(Directory.GetFiles(Path.Combine(webroot, ".well-known", "acme-challenge")));
        }
        finally
        {
            Directory.Delete(webroot, recursive: true);
        }
    }

    [Fact]
    public async Task TlsAlpn01_with_own_listener_issues_a_certificate()
    {
        var name = Bed.UniqueName("alpn");
        await using var solver = new TlsAlpn01Solver(new IPEndPoint(IPAddress.Loopback, Bed.TlsAlpn01Port));

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver);

        AssertValid(issued, await Bed.RootAsync(), name);
    }

    [Fact]
    public async Task Dns01_rfc2136_issues_a_wildcard_with_its_base_name_and_removes_the_records()
    {
        var name = Bed.UniqueName("dns");
        var provider = new Rfc2136DnsProvider(Bed.Rfc2136Credentials());
        var solver = new Dns01Solver(provider, DnsPropagationCheck.AtResolvers([Bed.DnsServer]));

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name, "*." + name] }, solver);

        AssertValid(issued, await Bed.RootAsync(), name, "*." + name);
        var left = await DnsQuery.TxtAsync(Bed.DnsServer, "_acme-challenge." + name);
        Assert.Empty(left);
    }

    [Fact]
    public async Task Dns01_through_a_provider_with_one_value_per_name_validates_a_wildcard_and_its_base_name_in_turn()
    {
        var name = Bed.UniqueName("onevalue");
        var provider = new OneValuePerName(new Rfc2136DnsProvider(Bed.Rfc2136Credentials()));
        var solver = new Dns01Solver(provider, DnsPropagationCheck.AtResolvers([Bed.DnsServer]));
        var events = new ConcurrentQueue<OrderProgress>();

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name, "*." + name] }, solver, new SyncProgress(events));

        AssertValid(issued, await Bed.RootAsync(), name, "*." + name);
        Assert.Equal(2, provider.Presented);
        // The second challenge was presented only after the first was cleaned up.
        var stages = events.Where(e => e.Stage is OrderStage.ChallengePresented or OrderStage.ChallengeCleanedUp).Select(e => e.Stage).ToList();
        Assert.Equal([OrderStage.ChallengePresented, OrderStage.ChallengeCleanedUp, OrderStage.ChallengePresented, OrderStage.ChallengeCleanedUp], stages);
        Assert.Empty(await DnsQuery.TxtAsync(Bed.DnsServer, "_acme-challenge." + name));
    }

    [Fact]
    public async Task Dns01_waits_for_the_zones_authoritative_servers_when_asked_to()
    {
        var name = Bed.UniqueName("auth");
        var provider = new Rfc2136DnsProvider(Bed.Rfc2136Credentials());
        // ns1.<zone> resolves to 127.0.0.1; knot listens on the testbed's DNS port there.
        var solver = new Dns01Solver(provider, DnsPropagationCheck.AtAuthoritativeServers(Bed.DnsServer, Bed.DnsServer.Port));

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver);

        AssertValid(issued, await Bed.RootAsync(), name);
    }

    [Fact]
    public async Task Dns01_for_a_name_outside_the_zone_fails_naming_the_name_and_the_challenge()
    {
        const string outside = "host.elsewhere.invalid";
        var solver = new Dns01Solver(new Rfc2136DnsProvider(Bed.Rfc2136Credentials()), DnsPropagationCheck.AtResolvers([Bed.DnsServer]));

        var error = await Assert.ThrowsAsync<AcmeException>(() => Orderer.ObtainAsync(new CertificateOrderRequest { Names = [outside] }, solver));

        Assert.Contains(outside, error.Message);
        Assert.Contains("dns-01", error.Message);
    }

    [Fact]
    public async Task Several_names_in_one_order_end_up_in_one_certificate()
    {
        var names = new[] { Bed.UniqueName("multi-a"), Bed.UniqueName("multi-b"), Bed.UniqueName("multi-c") };
        await using var solver = new ListenerHttp01Solver(Http01);

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = names }, solver);

        var leaf = AssertValid(issued, await Bed.RootAsync(), names);
        Assert.Contains("CN=" + names[0], leaf.Subject);
    }

    [Fact]
    public async Task An_ip_address_is_ordered_as_an_ip_identifier_and_lands_in_the_san()
    {
        await using var solver = new ListenerHttp01Solver(Http01);

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = ["127.0.0.1"] }, solver);

        var leaf = CertificateOrderer.ParseCertificate(issued.CertificatePem);
        var san = leaf.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal([IPAddress.Loopback], san.EnumerateIPAddresses());
    }

    [Theory]
    [InlineData(KeyType.Ec256, "ec256")]
    [InlineData(KeyType.Ec384, "ec384")]
    [InlineData(KeyType.Rsa2048, "rsa2048")]
    [InlineData(KeyType.Rsa3072, "rsa3072")]
    [InlineData(KeyType.Rsa4096, "rsa4096")]
    [InlineData(KeyType.Rsa8192, "rsa8192")]
    public async Task Each_key_type_gets_a_certificate_for_a_key_of_that_type(KeyType keyType, string expected)
    {
        var name = Bed.UniqueName(expected);
        await using var solver = new ListenerHttp01Solver(Http01);

        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name], KeyType = keyType }, solver);

        var leaf = AssertValid(issued, await Bed.RootAsync(), name);
        Assert.Equal(expected, KeyDescription(leaf));
    }

    [Fact]
    public async Task Revoked_certificate_shows_as_revoked_in_pebble()
    {
        var name = Bed.UniqueName("revoke");
        await using var solver = new ListenerHttp01Solver(Http01);
        var issued = await Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver);
        using var before = await Bed.CertificateStatusAsync(issued.SerialNumber);
        Assert.Equal("Valid", before.RootElement.GetProperty("Status").GetString());

        await fixture.Client.RevokeCertificateAsync(fixture.Account, CertificateOrderer.ParseCertificate(issued.CertificatePem), reason: 4);

        using var after = await Bed.CertificateStatusAsync(issued.SerialNumber);
        Assert.Equal("Revoked", after.RootElement.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Several_orders_run_concurrently_within_the_limit_and_all_succeed()
    {
        var names = Enumerable.Range(0, 5).Select(i => Bed.UniqueName("batch" + i)).ToList();
        await using var solver = new ListenerHttp01Solver(Http01);
        var running = 0;
        var maxRunning = 0;
        var progress = new SyncProgress(e =>
        {
            if (e.Stage == OrderStage.Started) maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            if (e.Stage is OrderStage.Completed or OrderStage.Failed) Interlocked.Decrement(ref running);
        });

        var outcomes = await Orderer.ObtainAllAsync(names.Select(n => (new CertificateOrderRequest { Names = [n] }, (IChallengeSolver)solver)).ToList(), maxConcurrent: 2, progress);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(names, outcomes.Select(o => o.Request.Names[0]));
        Assert.InRange(maxRunning, 1, 2);
    }

    [Fact]
    public async Task A_failing_order_in_a_batch_does_not_stop_the_others()
    {
        var good = Bed.UniqueName("good");
        const string bad = "bad.outside-zone.invalid";
        await using var solver = new ListenerHttp01Solver(Http01);

        var outcomes = await Orderer.ObtainAllAsync(
            [(new CertificateOrderRequest { Names = [bad] }, solver), (new CertificateOrderRequest { Names = [good] }, solver)], maxConcurrent: 2);

        Assert.False(outcomes[0].Succeeded);
        Assert.IsType<ChallengeFailedException>(outcomes[0].Error);
        Assert.True(outcomes[1].Succeeded, outcomes[1].Error?.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_order_and_still_cleans_up_the_challenge()
    {
        var name = Bed.UniqueName("cancel");
        using var cancel = new CancellationTokenSource();
        var inner = new ListenerHttp01Solver(Http01);
        await using var _ = inner;
        var solver = new CancelOnPresent(inner, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver, cancellationToken: cancel.Token));

        Assert.Equal(1, solver.Cleanups);
    }

    [Fact]
    public async Task A_wildcard_with_http01_is_refused_with_a_hint_to_use_dns01()
    {
        var name = "*." + Bed.UniqueName("wild");
        await using var solver = new ListenerHttp01Solver(Http01);

        var error = await Assert.ThrowsAsync<AcmeException>(() => Orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver));

        Assert.Contains(name, error.Message);
        Assert.Contains("dns-01", error.Message);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
    private sealed class SyncProgress(Action<OrderProgress> report) : IProgress<OrderProgress>
    {
        public SyncProgress(ConcurrentQueue<OrderProgress> queue) : this(queue.Enqueue)
        {
        }

        public void Report(OrderProgress value) => report(value);
    }

    /// <summary>
    /// A DNS service like DuckDNS that holds one TXT value per name: presenting a second value on a
    /// name that already holds one fails, as the real service would silently replace the first.
    /// </summary>
    private sealed class OneValuePerName(IDnsProvider inner) : IDnsProvider
    {
        private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.OrdinalIgnoreCase);
        public int Presented;

        public string Name => inner.Name;

        public bool HoldsOneValuePerName => true;

        public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            if (!_held.TryAdd(challenge.DnsRecordName, challenge.DnsTxtValue))
                throw new DnsProviderException(Name, $"{challenge.DnsRecordName} already holds a value; a second one would replace it");
            Interlocked.Increment(ref Presented);
            await inner.PresentAsync(challenge, cancellationToken);
        }

        public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            await inner.CleanupAsync(challenge, cancellationToken);
            _held.TryRemove(KeyValuePair.Create(challenge.DnsRecordName, challenge.DnsTxtValue));
        }
    }

    /// <summary>Presents through the inner solver, then cancels the order (as a user pressing Ctrl+C would).</summary>
    private sealed class CancelOnPresent(IChallengeSolver inner, CancellationTokenSource cancel) : IChallengeSolver
    {
        public int Cleanups;

        public string ChallengeType => inner.ChallengeType;

        public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            await inner.PresentAsync(challenge, cancellationToken);
            await cancel.CancelAsync();
        }

        public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Cleanups);
            await inner.CleanupAsync(challenge, cancellationToken);
        }
    }
}
