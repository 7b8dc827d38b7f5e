using ConfigLang.Acme.Model;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>
/// Turns the certificates of <see cref="HostFacts"/> (read once from the resolved
/// <c>security.acme.certs</c>, every default from the option library) into
/// <see cref="CertificateRequest"/>s for the planner, each with where the user defines the
/// certificate and the options plan issues name. Services in <c>configlang.certConsumers</c>
/// become each request's <see cref="CertificateRequest.UsedBy"/>.
/// </summary>
public static class AcmeRequestMapper
{
    /// <summary>The options a plan issue or an execution error can name (see PlanIssueCodes).</summary>
    private static readonly string[] LocatedOptions = ["domain", "extraDomainNames", "renewInterval", "validMinDays", "webroot", "listenHTTP", "listenTLS", "s3Bucket"];

    /// <summary>The requests, sorted by name. Call it while the configuration is being read (the sites are looked up then).</summary>
    /// <param name="withSites">Look up where each certificate and option is defined (for the executor's errors); lint
    /// alone locates its findings itself and skips that work.</param>
    public static IReadOnlyList<CertificateRequest> Map(HostConfiguration config, HostFacts facts, bool withSites = true)
    {
        var useRoot = config.Get("security.acme.useRoot").Bool;
        var usedBy = facts.Consumers.GroupBy(c => c.Cert, c => c.Service)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Distinct().Order(StringComparer.Ordinal)]);
        var requests = facts.Certs.Select(c => ToRequest(c, useRoot, usedBy.GetValueOrDefault(c.Name, [])));
        if (withSites) requests = requests.Select(r => r with
            {
                SourceTag = Site(facts.LocateCert(r.Name)),
                OptionSites = LocatedOptions.Select(o => (Option: o, Site: Site(facts.LocateCert(r.Name, o))))
                    .Where(s => s.Site is not null).ToDictionary(s => s.Option, s => s.Site!),
            });
        return [.. requests.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>A certificate as the planner takes it.</summary>
    public static CertificateRequest ToRequest(CertFacts c, bool useRoot, IReadOnlyList<string> usedBy)
    {
        var kind = ChallengeOf(c);
        return new CertificateRequest
        {
            Name = c.Name,
            Domains = [.. c.Domains.Select(Identifier.Dns)],
            Challenge = new ChallengeSettings
            {
                Kind = kind,
                Webroot = c.Webroot,
                ListenHttp = c.ListenHttp,
                ListenTls = c.ListenTls,
                DnsProvider = c.DnsProvider,
                DnsResolver = c.DnsResolver,
                DnsPropagationCheck = c.DnsPropagationCheck,
                EnvironmentFile = c.EnvironmentFile,
                CredentialFiles = c.CredentialFiles,
                S3Bucket = c.S3Bucket,
            },
            Server = c.Server,
            Email = c.Email,
            KeyType = KeyTypes.Parse(Required(c.KeyType, "keyType")),
            ValidMinDays = c.ValidMinDays ?? throw NotRead("validMinDays"),
            RenewInterval = Required(c.RenewInterval, "renewInterval"),
            Directory = Required(c.Directory, "directory"),
            Owner = useRoot ? "root" : "acme",
            Group = c.Group,
            UsedBy = usedBy,
            PostRun = c.PostRun,
            ReloadServices = c.ReloadServices,
            OcspMustStaple = c.OcspMustStaple,
            ExtraLegoFlags = c.ExtraLegoFlags,
            ExtraLegoRunFlags = c.ExtraLegoRunFlags,
            ExtraLegoRenewFlags = c.ExtraLegoRenewFlags,
            Profile = c.Profile,
            Csr = c.Csr,
            CsrKey = c.CsrKey,
        };
    }

    /// <summary>The challenge the certificate is validated with: DNS-01 with a <c>dnsProvider</c>, else TLS-ALPN-01 with <c>listenTLS</c>, else HTTP-01.</summary>
    public static ChallengeKind ChallengeOf(CertFacts c) =>
        c.DnsProvider is not null ? ChallengeKind.Dns01 : c.ListenTls is not null ? ChallengeKind.TlsAlpn01 : ChallengeKind.Http01;

    /// <summary>The option that decides <see cref="ChallengeOf"/> (for HTTP-01 lego's precedence: s3Bucket, listenHTTP, webroot).</summary>
    public static string ChallengeOptionOf(CertFacts c) =>
        c.DnsProvider is not null ? "dnsProvider" : c.ListenTls is not null ? "listenTLS" : c.S3Bucket is not null ? "s3Bucket" : c.ListenHttp is not null ? "listenHTTP" : "webroot";

    /// <summary>A location as the ACME layer carries it (it knows no source texts).</summary>
    public static SourceSite? Site(SourceLocation? location) =>
        location is { } l ? new SourceSite(l.Source.Path, l.Start.Line, l.Start.Column) : null;

    private static string Required(string? value, string option) => value ?? throw NotRead(option);

    // Every option has a default in acme.nix; facts made by hand may lack one.
    private static InvalidOperationException NotRead(string option) => new($"the certificate's {option} was not read from a configuration");
}
