using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Model;

public sealed class ChallengeKindsTests
{
    [Theory]
    [InlineData("http-01", ChallengeKind.Http01)]
    [InlineData("dns-01", ChallengeKind.Dns01)]
    [InlineData("tls-alpn-01", ChallengeKind.TlsAlpn01)]
    public void Spelling_round_trips(string text, ChallengeKind kind)
    {
        Assert.Equal(kind, ChallengeKinds.Parse(text));
        Assert.Equal(text, ChallengeKinds.Format(kind));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("DNS-01")]
    [InlineData(null)]
    public void Other_spellings_are_rejected(string? text)
    {
        Assert.False(ChallengeKinds.TryParse(text, out _));
    }
}
