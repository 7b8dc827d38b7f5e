namespace ConfigLang.Acme.Dns;

/// <summary>
/// DNS provider factories by name. <see cref="CreateDefault"/> holds the built-in ones; the CLI can
/// enumerate <see cref="Factories"/> to register each as a keyed service, or add its own.
/// </summary>
public sealed class DnsProviderRegistry
{
    private readonly Dictionary<string, IDnsProviderFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    public DnsProviderRegistry(IEnumerable<IDnsProviderFactory>? factories = null)
    {
        if (factories is not null) foreach (var factory in factories) Register(factory);
    }

    public IEnumerable<IDnsProviderFactory> Factories => _factories.Values;

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    public void Register(IDnsProviderFactory factory) => _factories[factory.Name] = factory;

    public bool TryGet(string name, out IDnsProviderFactory factory) => _factories.TryGetValue(name, out factory!);

    public IDnsProviderFactory Get(string name) =>
        TryGet(name, out var factory)
            ? factory
            : throw new DnsProviderException(name, $"unknown DNS provider (known: {string.Join(", ", Names)})");

    /// <summary>
    /// rfc2136, exec, httpreq and the API providers (cloudflare, inwx, digitalocean...), each bounded by <paramref name="timeout"/>
    /// (default <see cref="Protocol.NetworkTimeout.Default"/>): HTTP requests and DNS messages must be
    /// answered, and an exec program must finish, within it.
    /// </summary>
    public static DnsProviderRegistry CreateDefault(TimeSpan? timeout = null)
    {
        var limit = timeout ?? Protocol.NetworkTimeout.Default;
        var http = Protocol.AcmeHttp.CreateClient(timeout: limit, sameOriginRedirectsOnly: true);
        return new DnsProviderRegistry(
        [
            new DnsProviderFactory(Rfc2136DnsProvider.ProviderName, Rfc2136DnsProvider.Variables, c => new Rfc2136DnsProvider(c, limit)),
            new DnsProviderFactory(ExecDnsProvider.ProviderName, ExecDnsProvider.Variables, c => new ExecDnsProvider(c, limit)),
            new DnsProviderFactory(HttpReqDnsProvider.ProviderName, HttpReqDnsProvider.Variables, c => new HttpReqDnsProvider(c, http)),
            new DnsProviderFactory(CloudflareDnsProvider.ProviderName, CloudflareDnsProvider.Variables, c => new CloudflareDnsProvider(c, http)),
            new DnsProviderFactory(InwxDnsProvider.ProviderName, InwxDnsProvider.Variables, c => new InwxDnsProvider(c, http)),
            new DnsProviderFactory(PdnsDnsProvider.ProviderName, PdnsDnsProvider.Variables, c => new PdnsDnsProvider(c, http)),
            new DnsProviderFactory(Route53DnsProvider.ProviderName, Route53DnsProvider.Variables, c => new Route53DnsProvider(c, http)),
            new DnsProviderFactory(DigitalOceanDnsProvider.ProviderName, DigitalOceanDnsProvider.Variables, c => new DigitalOceanDnsProvider(c, http)),
            new DnsProviderFactory(HetznerDnsProvider.ProviderName, HetznerDnsProvider.Variables, c => new HetznerDnsProvider(c, http)),
            new DnsProviderFactory(DesecDnsProvider.ProviderName, DesecDnsProvider.Variables, c => new DesecDnsProvider(c, http)),
            new DnsProviderFactory(PorkbunDnsProvider.ProviderName, PorkbunDnsProvider.Variables, c => new PorkbunDnsProvider(c, http)),
            new DnsProviderFactory(LinodeDnsProvider.ProviderName, LinodeDnsProvider.Variables, c => new LinodeDnsProvider(c, http)),
            new DnsProviderFactory(VultrDnsProvider.ProviderName, VultrDnsProvider.Variables, c => new VultrDnsProvider(c, http)),
            new DnsProviderFactory(GoDaddyDnsProvider.ProviderName, GoDaddyDnsProvider.Variables, c => new GoDaddyDnsProvider(c, http)),
            new DnsProviderFactory(GandiV5DnsProvider.ProviderName, GandiV5DnsProvider.Variables, c => new GandiV5DnsProvider(c, http)),
            new DnsProviderFactory(DnsimpleDnsProvider.ProviderName, DnsimpleDnsProvider.Variables, c => new DnsimpleDnsProvider(c, http)),
            new DnsProviderFactory(OvhDnsProvider.ProviderName, OvhDnsProvider.Variables, c => new OvhDnsProvider(c, http)),
            new DnsProviderFactory(GoogleCloudDnsProvider.ProviderName, GoogleCloudDnsProvider.Variables, c => new GoogleCloudDnsProvider(c, http)),
            new DnsProviderFactory(AzureDnsProvider.ProviderName, AzureDnsProvider.Variables, c => new AzureDnsProvider(c, http)),
            new DnsProviderFactory(AcmeDnsProvider.ProviderName, AcmeDnsProvider.Variables, c => new AcmeDnsProvider(c, http)),
            new DnsProviderFactory(NamecheapDnsProvider.ProviderName, NamecheapDnsProvider.Variables, c => new NamecheapDnsProvider(c, http)),
            new DnsProviderFactory(DuckDnsProvider.ProviderName, DuckDnsProvider.Variables, c => new DuckDnsProvider(c, http)),
        ]);
    }
}
