using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// What a provider that deletes its record by the id the create call answered must do besides:
/// a create answer without that id is an error naming the provider, the call and the id's path.
/// </summary>
public abstract class RecordIdConformanceTests : DnsProviderConformanceTests
{
    /// <summary>Where the create answer holds the record's id, dotted (<c>result.id</c>).</summary>
    protected abstract string RecordIdPath { get; }

    /// <summary>Whether <paramref name="request"/> is the create call (a POST to the records, by default).</summary>
    protected virtual bool IsCreate(RecordedRequest request) =>
        request.Method == "POST" && request.PathAndQuery.Split('?')[0].TrimEnd('/').EndsWith("/records", StringComparison.Ordinal);

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
