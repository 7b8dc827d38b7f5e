using ConfigLang.Acme.Challenges;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>Challenges as the orderer hands them to providers.</summary>
internal static class ProviderTestData
{
    public static ChallengeTask Challenge(string domain = "www.example.org", string token = "tok_en-123") =>
        new(domain, domain, token, token + ".thumbprint");

    public static ChallengeTask Wildcard(string domain = "example.org") =>
        new("*." + domain, domain, "wild-token", "wild-token.thumbprint");
}
