using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// What every DNS provider with an HTTP API must do, run against each provider's fake API on
/// loopback: one subclass a provider adapts its fake (its records, a 429 on demand, wrong
/// credentials) and keeps its provider-specific tests beside. xUnit makes a new instance per test,
/// so a subclass's fake is fresh for each. A case that cannot hold for a provider (duckdns keeps
/// one value per domain) is overridden there as a skipped fact whose reason says why.
/// Not here: exec (a program of the user's) and rfc2136 (DNS UPDATE over UDP/TCP). Every case
/// here drives a fake HTTP API (its requests, a 429, JSON answers in other shapes), which neither
/// has; the generic cases that do apply to them run in their own tests against the real thing.
/// rfc2136, against the testbed's knot: wrong credentials (a wrong TSIG secret, none at all), the
/// server's error (a zone it does not serve), unreachable (a refusing port) and silent
/// (<see cref="SilentDnsEndpointTests"/>). exec, with scripts: its wrong credentials and server
/// errors are the program's failure (exit code and output, redacted), unreachable is a program
/// that cannot be started, and one that never ends is killed (<see cref="SilentDnsEndpointTests"/>).
/// </summary>
public abstract class DnsProviderConformanceTests
{
    /// <summary>
    /// A TXT record as the fake API holds it: its zone, its name as the API keeps it, and its value
    /// as sent. Each fake creates records in one zone only and answers "not found" to a request
    /// addressed to another, so the zone is enforced by the fake's routes: the zone reported here
    /// is the one the fake was written with (its own constant, or <see cref="Zone"/>), never read
    /// from the request. That a provider writes nothing for a name in no zone of the account is
    /// checked on the requests it sent (<see cref="IsWrite"/>).
    /// </summary>
    public readonly record struct FakeRecord(string Zone, string Name, string Value);

    /// <summary>The lego name errors start with.</summary>
    protected abstract string ProviderName { get; }

    /// <summary>The fake API's answer to a request.</summary>
    protected abstract (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request);

    /// <summary>The TXT records the fake holds now.</summary>
    protected abstract IReadOnlyCollection<FakeRecord> Records { get; }

    /// <summary>Makes the fake answer its next authorized request with a 429 and a Retry-After.</summary>
    protected abstract void RateLimitOnce();

    /// <summary>The provider against <paramref name="server"/>, with the right credentials or with <paramref name="wrongSecret"/> in place of the secret.</summary>
    protected abstract IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null);

    /// <summary>A secret the fake refuses (and echoes, where its API does, so redaction is seen).</summary>
    protected abstract string WrongSecret { get; }

    /// <summary>The API's own words for refused credentials, which the error must carry.</summary>
    protected abstract string WrongCredentialsMessage { get; }

    /// <summary>
    /// The zone the fake's records name (an id where a fake keeps one, as linode's). Since every
    /// fake fills it from its own constant, comparing it checks the adapter, not the provider: the
    /// provider's zone is checked by the fake's routes.
    /// </summary>
    protected virtual string Zone => "example.org";

    /// <summary>The domain the fake's zone is named by; the round trip's and the wildcard's domains are in it.</summary>
    protected virtual string Apex => "example.org";

    /// <summary>The domain of the present/cleanup round trip.</summary>
    protected virtual string RoundTripDomain => "www.example.org";

    /// <summary>The challenge whose value must stay while another round trip's answers are misshapen (by default the wildcard beside it).</summary>
    protected virtual ChallengeTask Neighbour => Wildcard(RoundTripDomain);

    /// <summary>Whether <paramref name="request"/> changes records (by default anything but a GET); a read sent as a POST (a token, JSON-RPC) is not.</summary>
    protected virtual bool IsWrite(RecordedRequest request) => request.Method != "GET";

    /// <summary>A domain in none of the fake's zones.</summary>
    protected virtual string UnknownDomain => "www.example.com";

    /// <summary>The record name the API keeps for <paramref name="relative"/> (relative to the zone, by default).</summary>
    protected virtual string RecordName(string relative) => relative;

    /// <summary>The TXT value as the API keeps it (some want it quoted).</summary>
    protected virtual string StoredValue(string value) => value;

    /// <summary>Called once the fake's server listens (for fakes that need its URL).</summary>
    protected virtual void Started(FakeHttpServer server)
    {
    }

    /// <summary>More the round trip must have done (zone lookups, paging, records of other types kept).</summary>
    protected virtual void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests)
    {
    }

    /// <summary>More the wildcard test must have done (how a value was removed beside another).</summary>
    protected virtual void AssertAfterWildcard(IReadOnlyList<RecordedRequest> requests)
    {
    }

    /// <summary>The request answered 429 was sent again.</summary>
    protected virtual void AssertRepeated(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(requests[0].PathAndQuery, requests[1].PathAndQuery);

    /// <summary>More the error for refused credentials must show or hide.</summary>
    protected virtual void AssertWrongCredentialsError(DnsProviderException error)
    {
    }

    /// <summary>The records of fakes that keep each name's values together (RRsets), one a value.</summary>
    protected static IReadOnlyCollection<FakeRecord> RecordsOf(string zone, IReadOnlyDictionary<string, List<string>> rrSets) =>
        [.. rrSets.SelectMany(set => set.Value.Select(value => new FakeRecord(zone, set.Key, value)))];

    protected FakeHttpServer Start(Func<RecordedRequest, (int, string, IReadOnlyDictionary<string, string>?)>? handler = null)
    {
        var server = new FakeHttpServer(handler ?? Handle);
        Started(server);
        return server;
    }

    /// <summary>
    /// Answers in other shapes than <paramref name="answer"/> (a 2xx answer of the fake): for JSON,
    /// other top-level values, and each member and item (a bounded number) made null or of another
    /// kind (a list an object, anything else a list), and each member left out (see
    /// <see cref="MisshapenJson"/>). None for answers a provider does not parse (text); XML APIs'
    /// tests add theirs. The test adds an empty answer to each read itself.
    /// </summary>
    protected virtual IEnumerable<string> Misshapen(string answer) => MisshapenJson.Of(answer);

    [Fact]
    public virtual async Task A_record_is_created_in_the_zone_found_and_deleted_again()
    {
        using var server = Start();
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge(RoundTripDomain);

        await provider.PresentAsync(challenge, default);
        var created = Assert.Single(Records);
        await provider.CleanupAsync(challenge, default);

        var relative = "_acme-challenge." + RoundTripDomain[..^(Apex.Length + 1)];
        Assert.Equal(new FakeRecord(Zone, RecordName(relative), StoredValue(challenge.DnsTxtValue)), created);
        Assert.Empty(Records);
        AssertAfterRoundTrip(server.Requests);
    }

    [Fact]
    public virtual async Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up()
    {
        using var server = Start();
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge(Apex);
        var wildcard = Wildcard(Apex);

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, Records.Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(new FakeRecord(Zone, RecordName("_acme-challenge"), StoredValue(apex.DnsTxtValue)), Assert.Single(Records));
        AssertAfterWildcard(server.Requests);
    }

    [Fact]
    public virtual async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        using var server = Start();
        RateLimitOnce();
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(RoundTripDomain), default);

        Assert.Single(Records);
        AssertRepeated(server.Requests);
    }

    [Fact]
    public virtual async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_secret()
    {
        var (error, _) = await PresentFailsAsync(RoundTripDomain, WrongSecret);

        Assert.Contains(WrongCredentialsMessage, error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
        AssertWrongCredentialsError(error);
    }

    [Fact]
    public virtual async Task A_name_in_no_zone_of_the_account_is_a_clear_error_and_nothing_is_written()
    {
        var (error, requests) = await PresentFailsAsync(UnknownDomain);

        Assert.Contains("_acme-challenge." + UnknownDomain, error.Message);
        // The fake refuses a write outside its zone, so its records cannot show one: the requests can.
        Assert.DoesNotContain(requests, IsWrite);
    }

    [Fact]
    public virtual async Task An_answer_in_another_shape_is_an_error_named_after_the_provider_and_never_drops_another_value()
    {
        // The 2xx answers of a round trip beside another value on the name (a wildcard's), then
        // each again in other shapes, one at a time.
        var answers = new List<(string Method, string Body)>();
        (int Index, string Body)? replacing = null;
        var seen = 0;
        var recording = false;
        using var server = Start(request =>
        {
            var answer = Handle(request);
            if (answer.Item1 is < 200 or > 299 || !recording) return answer;
            if (replacing is null) answers.Add((request.Method, answer.Item2));
            return replacing is { } r && seen++ == r.Index ? (answer.Item1, r.Body, answer.Item3) : answer;
        });
        using var http = new HttpClient();
        var challenge = Challenge(RoundTripDomain);
        var neighbour = Neighbour;
        async Task RoundTripBesideNeighbourAsync(Func<IDnsProvider, Task> roundTrip)
        {
            var neighbourProvider = Provider(server, http);
            await neighbourProvider.PresentAsync(neighbour, default);
            recording = true;
            var provider = Provider(server, http);
            try
            {
                await roundTrip(provider);
            }
            finally
            {
                recording = false;
            }
            Assert.Contains(Records, record => record.Value == StoredValue(neighbour.DnsTxtValue));
            // What a failed round trip left stays out of the next case's way.
            await provider.CleanupAsync(challenge, default);
            await neighbourProvider.CleanupAsync(neighbour, default);
        }
        await RoundTripBesideNeighbourAsync(async provider =>
        {
            await provider.PresentAsync(challenge, default);
            await provider.CleanupAsync(challenge, default);
        });
        // An answer like one before it (a zone lookup's "none") adds no shape. A read answered
        // with nothing at all must fail: taken as "none" it would let a write drop the others.
        var cases = answers.Select((answer, index) => (answer, index)).DistinctBy(a => a.answer)
            .SelectMany(a => Misshapen(a.answer.Body).Where(body => body != a.answer.Body).Select(body => (a.index, body, MustFail: false))
                .Concat(a.answer.Method == "GET" && a.answer.Body.Length > 0 ? [(a.index, "", MustFail: true)] : []))
            .ToList();

        Assert.NotEmpty(cases);
        var failed = 0;
        foreach (var (index, body, mustFail) in cases)
        {
            (replacing, seen) = ((index, body), 0);
            try
            {
                await RoundTripBesideNeighbourAsync(async provider =>
                {
                    try
                    {
                        await provider.PresentAsync(challenge, default);
                        await provider.CleanupAsync(challenge, default);
                    }
                    catch (DnsProviderException error)
                    {
                        Assert.StartsWith(ProviderName + ": ", error.Message);
                        failed++;
                        return;
                    }
                    Assert.False(mustFail, "the round trip succeeded");
                });
            }
            catch (Exception other)
            {
                throw new Xunit.Sdk.XunitException($"answer {index} ({answers[index].Method}) replaced by {(body.Length == 0 ? "nothing" : body)}: {other}");
            }
            replacing = null;
        }
        // Some shapes are well-formed answers (an optional member left out or null, a member the
        // provider never reads), so not every case fails; but a provider that took every shape
        // would be reading none of them.
        Assert.True(failed > 0, $"none of {cases.Count} answers in other shapes was an error");
    }

    [Theory]
    [InlineData("[{\"error\":1}]")]
    [InlineData("{\"error\":[1],\"errors\":[7],\"message\":{},\"detail\":[]}")]
    [InlineData("7")]
    public async Task An_error_answer_in_another_shape_is_the_provider_error_with_the_status(string body)
    {
        // The API's error describer meets a list or a number where it reads an object.
        using var server = Start(_ => (500, body, null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge(RoundTripDomain), default));

        Assert.StartsWith(ProviderName + ": ", error.Message);
        Assert.Contains("HTTP 500", error.Message);
    }

    /// <summary>The error of a present that fails (a DnsProviderException, or one of its own kinds), which names the provider, and the requests the fake received.</summary>
    private async Task<(DnsProviderException, IReadOnlyList<RecordedRequest>)> PresentFailsAsync(string domain, string? wrongSecret = null)
    {
        using var server = Start();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => Provider(server, http, wrongSecret).PresentAsync(Challenge(domain), default));

        Assert.StartsWith(ProviderName + ": ", error.Message);
        return (error, server.Requests);
    }
}
