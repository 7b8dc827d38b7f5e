using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests;

/// <summary>Small certificate requests for tests, with NixOS's defaults.</summary>
internal static class Requests
{
    public static CertificateRequest Http(string name, params string[] extraDomains) => new()
    {
        Name = name,
        Domains = [Identifier.Dns(name), .. extraDomains.Select(Identifier.Dns)],
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, Webroot = "/var/lib/acme/acme-challenge" },
        Email = "admin@example.org",
        Directory = "/var/lib/acme/" + name,
    };

    public static CertificateRequest Dns(string name, params string[] extraDomains) => Http(name, extraDomains) with
    {
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Dns01, DnsProvider = "rfc2136" },
    };
}
