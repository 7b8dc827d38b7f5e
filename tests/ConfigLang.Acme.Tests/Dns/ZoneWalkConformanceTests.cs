using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The adapters of providers that find the zone by asking the API for each parent of the record
/// name in turn, and whose fake keeps example.org's TXT values by name (godaddy, hetzner): the same
/// properties, each with its own data. The round trip goes deeper than the zone, so the lookup
/// walks up; the unknown name is in no zone at all.
/// </summary>
public abstract class ZoneWalkConformanceTests : DnsProviderConformanceTests
{
    /// <summary>The fake's TXT values by record name (relative to the zone).</summary>
    protected abstract IReadOnlyDictionary<string, List<string>> TxtByName { get; }

    /// <summary>The path and query of the lookup of one candidate zone.</summary>
    protected abstract string ZoneLookup(string candidate);

    protected override string RoundTripDomain => "deep.www.example.org";

    protected override string UnknownDomain => "www.other.net";

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf(Zone, TxtByName);

    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(new[] { "deep.www.example.org", "www.example.org", "example.org" }.Select(ZoneLookup),
            requests.Where(r => r.Method == "GET").Take(3).Select(r => r.PathAndQuery));
}
