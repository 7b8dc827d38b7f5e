using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>rfc2136 against the testbed's knot: TSIG-signed updates, checked with kdig.</summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class Rfc2136DnsProviderTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    private ChallengeTask NewChallenge()
    {
        var name = Bed.UniqueName("tsig");
        return new ChallengeTask(name, name, "tok", "tok.thumb" + Guid.NewGuid());
    }

    [Fact]
    public async Task A_signed_update_adds_the_txt_record_and_cleanup_removes_it()
    {
        var provider = new Rfc2136DnsProvider(Bed.Rfc2136Credentials());
        var challenge = NewChallenge();

        await provider.PresentAsync(challenge, default);
        var present = await DnsQuery.TxtAsync(Bed.DnsServer, challenge.DnsRecordName);
        await provider.CleanupAsync(challenge, default);
        var after = await DnsQuery.TxtAsync(Bed.DnsServer, challenge.DnsRecordName);

        Assert.Equal([challenge.DnsTxtValue], present);
        Assert.Empty(after);
    }

    [Fact]
    public async Task A_wrong_tsig_secret_is_refused_and_the_error_does_not_show_the_secret()
    {
        const string wrongSecret = "d3JvbmctdHNpZy1zZWNyZXQtZm9yLXRlc3Rpbmc=";
        var credentials = new ProviderCredentials(new Dictionary<string, string>
        {
            ["RFC2136_NAMESERVER"] = Bed.Env["ACME_DNS_SERVER"],
            ["RFC2136_TSIG_KEY"] = Bed.Env["ACME_TSIG_KEY_NAME"],
            ["RFC2136_TSIG_SECRET"] = wrongSecret,
            ["RFC2136_TSIG_ALGORITHM"] = Bed.Env["ACME_TSIG_ALGORITHM"],
        });
        var provider = new Rfc2136DnsProvider(credentials);
        var challenge = NewChallenge();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(challenge, default));

        Assert.Contains(challenge.DnsRecordName, error.Message);
        Assert.DoesNotContain(wrongSecret, error.ToString());
        Assert.Empty(await DnsQuery.TxtAsync(Bed.DnsServer, challenge.DnsRecordName));
    }

    [Fact]
    public async Task An_update_for_a_zone_the_server_does_not_serve_is_its_answer_named_after_the_provider()
    {
        // The server's own error: knot is not authoritative for the zone given, and says NOTAUTH.
        var settings = new Dictionary<string, string>
        {
            ["RFC2136_NAMESERVER"] = Bed.Env["ACME_DNS_SERVER"],
            ["RFC2136_TSIG_KEY"] = Bed.Env["ACME_TSIG_KEY_NAME"],
            ["RFC2136_TSIG_SECRET"] = Bed.Env["ACME_TSIG_SECRET"],
            ["RFC2136_TSIG_ALGORITHM"] = Bed.Env["ACME_TSIG_ALGORITHM"],
            ["RFC2136_ZONE"] = "not-served.example",
        };
        var challenge = new ChallengeTask("www.not-served.example", "www.not-served.example", "tok", "tok.thumb");

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => new Rfc2136DnsProvider(new ProviderCredentials(settings)).PresentAsync(challenge, default));

        Assert.StartsWith($"rfc2136: {Bed.Env["ACME_DNS_SERVER"]} answered NotAuth", error.Message);
        Assert.Contains("to the addition of TXT _acme-challenge.www.not-served.example. in zone not-served.example.", error.Message);
        Assert.Contains("not authoritative for zone not-served.example.", error.Message);
        Assert.DoesNotContain(Bed.Env["ACME_TSIG_SECRET"], error.ToString());
    }

    [Theory]
    [InlineData(true)] // the update itself
    [InlineData(false)] // the zone lookup before it
    public async Task An_unreachable_server_is_an_error_naming_it_without_waiting_out_the_timeout(bool zoneGiven)
    {
        using var refusing = new ConfigLang.TestSupport.RefusingPort();
        var server = $"127.0.0.1:{refusing.Port}";
        var settings = new Dictionary<string, string> { ["RFC2136_NAMESERVER"] = server, ["RFC2136_DNS_TIMEOUT"] = "60" };
        if (zoneGiven) settings["RFC2136_ZONE"] = Bed.Zone;
        var provider = new Rfc2136DnsProvider(new ProviderCredentials(settings));
        // The DNS client reports a refusal as no answer; it must still come at once, not after the timeout.
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(NewChallenge(), default));

        Assert.StartsWith("rfc2136: ", error.Message);
        Assert.Contains(server, error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        // ... and say what happened: a refusal, not a wait that never took place.
        Assert.Contains("refused", error.Message);
        Assert.DoesNotContain("within", error.Message);
    }

    [Fact]
    public async Task Without_tsig_the_update_is_refused_as_not_authorized()
    {
        var provider = new Rfc2136DnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["RFC2136_NAMESERVER"] = Bed.Env["ACME_DNS_SERVER"] }));

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(NewChallenge(), default));

        Assert.Contains("NotAuth", error.Message);
    }

    [Fact]
    public async Task The_propagation_wait_is_bounded_and_names_the_record_it_missed()
    {
        var nothing = new SilentProvider();
        var solver = new Dns01Solver(nothing, DnsPropagationCheck.AtResolvers([Bed.DnsServer], TimeSpan.FromMilliseconds(600)));
        var challenge = NewChallenge();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => solver.PresentAsync(challenge, default));

        Assert.Contains(challenge.DnsRecordName, error.Message);
        Assert.Contains("not visible", error.Message);
        Assert.Contains(Bed.DnsServer.ToString(), error.Message);
    }

    /// <summary>A provider that claims success but publishes nothing.</summary>
    private sealed class SilentProvider : IDnsProvider
    {
        public string Name => "silent";

        public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public void The_registry_creates_the_provider_by_its_lego_name()
    {
        var registry = DnsProviderRegistry.CreateDefault();

        var provider = registry.Get("rfc2136").Create(Bed.Rfc2136Credentials());

        Assert.IsType<Rfc2136DnsProvider>(provider);
        Assert.Subset(registry.Names.ToHashSet(), new HashSet<string> { "cloudflare", "exec", "httpreq", "inwx", "rfc2136" });
        Assert.Equal(registry.Names.Order(StringComparer.Ordinal), registry.Names);
        var unknown = Assert.Throws<DnsProviderException>(() => registry.Get("ionos")).Message;
        Assert.Matches(@"\(known: [a-z0-9-]+(, [a-z0-9-]+)+\)$", unknown);
        Assert.Contains(", cloudflare, ", unknown);
    }
}
