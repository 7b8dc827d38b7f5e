using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// What a provider that deletes its record by the id the create call answered must do besides:
/// a create answer without that id is an error naming the provider, the call and the id's path;
/// a cleanup by an instance that did not create the record (a restarted run) deletes nothing it
/// cannot find as its own.
/// </summary>
public abstract class RecordIdConformanceTests : DnsProviderConformanceTests
{
    /// <summary>Where the create answer holds the record's id, dotted (<c>result.id</c>).</summary>
    protected abstract string RecordIdPath { get; }

    /// <summary>Whether <paramref name="request"/> is the create call (a POST to the records, by default).</summary>
    protected virtual bool IsCreate(RecordedRequest request) =>
        request.Method == "POST" && request.PathAndQuery.Split('?')[0].TrimEnd('/').EndsWith("/records", StringComparison.Ordinal);

    /// <summary>Whether a cleanup looks its value up when this instance did not create it (cloudflare), instead of leaving the name alone.</summary>
    protected virtual bool CleanupFindsOwnValue => false;

    [Fact]
    public async Task A_cleanup_by_another_instance_deletes_at_most_its_own_value()
    {
        using var server = Start();
        using var http = new HttpClient();
        var challenge = Challenge(RoundTripDomain);
        var presenter = Provider(server, http);
        await presenter.PresentAsync(challenge, default);
        await presenter.PresentAsync(Wildcard(RoundTripDomain), default);
        var presented = Records.ToList();

        // A restarted run knows no record ids.
        await Provider(server, http).CleanupAsync(challenge, default);

        Assert.Equal(2, presented.Count);
        var expected = CleanupFindsOwnValue ? presented.Where(r => r.Value != StoredValue(challenge.DnsTxtValue)).ToList() : presented;
        Assert.Equal(expected.OrderBy(r => r.Value), Records.OrderBy(r => r.Value));
    }

    [Fact]
    public async Task A_create_answer_without_the_record_id_is_an_error_naming_the_call_and_the_path()
    {
        using var server = Start(request =>
        {
            var answer = Handle(request);
            return IsCreate(request) && answer.Item1 is >= 200 and <= 299 ? (answer.Item1, MisshapenJson.Without(answer.Item2, RecordIdPath), answer.Item3) : answer;
        });
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge(RoundTripDomain), default));

        Assert.StartsWith($"{ProviderName}: create TXT _acme-challenge.{RoundTripDomain}: answer without {RecordIdPath} (answer: ", error.Message);
        Assert.Contains(server.Requests, IsCreate);
    }
}
