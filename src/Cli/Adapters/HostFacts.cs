using System.Text.Json;

namespace ConfigLang.Cli.Adapters;

/// <summary>One resolved <c>security.acme.certs.&lt;name&gt;</c>, reduced to what checks and the planner read.</summary>
public sealed record CertFacts(
    string Name,
    string Domain,
    IReadOnlyList<string> ExtraDomainNames,
    string? Webroot,
    string? DnsProvider,
    string? ListenHttp,
    string? ListenTls,
    string? S3Bucket,
    string Group,
    string? EnvironmentFile,
    IReadOnlyDictionary<string, string> CredentialFiles,
    string PostRun,
    string? Server = null)
{
    /// <summary>Whether any challenge is configured (a certificate someone actually set up).</summary>
    public bool HasChallenge => Webroot is not null || DnsProvider is not null || ListenHttp is not null || ListenTls is not null || S3Bucket is not null;

    public IEnumerable<string> Domains => ExtraDomainNames.Prepend(Domain);
}

/// <summary>One entry of <c>configlang.certConsumers</c>: a service account that opens a certificate's files.</summary>
/// <remarks><paramref name="Names"/>: the host names the service answers to with the certificate, as
/// written in its settings (empty when the module does not say).</remarks>
public sealed record ConsumerFacts(string Service, string Cert, string User, string? Group, IReadOnlyList<string> SupplementaryGroups, bool ViaCredentials, string? Option,
    IReadOnlyList<string>? Names = null)
{
    /// <summary><see cref="Names"/>, empty when the module did not say.</summary>
    public IReadOnlyList<string> ServedNames => Names ?? [];
}

/// <summary>A user account: its primary group and extra groups.</summary>
public sealed record UserFacts(string Name, string? Group, IReadOnlyList<string> ExtraGroups);

/// <summary>
/// The parts of an evaluated host configuration that the C# checks read, produced by one
/// evaluation as JSON (see <see cref="Expression"/>).
/// </summary>
public sealed record HostFacts(
    IReadOnlyList<CertFacts> Certs,
    IReadOnlyList<ConsumerFacts> Consumers,
    IReadOnlyDictionary<string, UserFacts> Users,
    IReadOnlyDictionary<string, IReadOnlyList<string>> GroupMembers)
{
    /// <summary>The Nix expression (body after <c>cfg = eval.config;</c>) that yields the JSON read by <see cref="Parse"/>.</summary>
    public const string Expression =
        "{ certs = builtins.mapAttrs (n: c: { inherit (c) domain extraDomainNames webroot dnsProvider listenHTTP listenTLS s3Bucket group environmentFile credentialFiles postRun; }) cfg.security.acme.certs; " +
        "consumers = map (c: { inherit (c) service cert user group supplementaryGroups viaCredentials option; }) cfg.configlang.certConsumers; " +
        "users = builtins.mapAttrs (n: u: { inherit (u) group extraGroups; }) cfg.users.users; " +
        "groups = builtins.mapAttrs (n: g: { inherit (g) members; }) cfg.users.groups; }" +
        NameFactsExpression;

    public static HostFacts Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var certs = root.GetProperty("certs").EnumerateObject().Select(p => new CertFacts(
            p.Name,
            p.Value.GetProperty("domain").GetString()!,
            Strings(p.Value.GetProperty("extraDomainNames")),
            OptionalString(p.Value, "webroot"),
            OptionalString(p.Value, "dnsProvider"),
            OptionalString(p.Value, "listenHTTP"),
            OptionalString(p.Value, "listenTLS"),
            OptionalString(p.Value, "s3Bucket"),
            p.Value.GetProperty("group").GetString()!,
            OptionalString(p.Value, "environmentFile"),
            p.Value.GetProperty("credentialFiles").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? ""),
            OptionalString(p.Value, "postRun") ?? "")).ToList();
        var consumers = root.GetProperty("consumers").EnumerateArray().Select(c => new ConsumerFacts(
            c.GetProperty("service").GetString()!,
            c.GetProperty("cert").GetString()!,
            c.GetProperty("user").GetString()!,
            OptionalString(c, "group"),
            Strings(c.GetProperty("supplementaryGroups")),
            c.GetProperty("viaCredentials").GetBoolean(),
            OptionalString(c, "option"))).ToList();
        var users = root.GetProperty("users").EnumerateObject().ToDictionary(
            u => u.Name, u => new UserFacts(u.Name, OptionalString(u.Value, "group"), Strings(u.Value.GetProperty("extraGroups"))));
        var groups = root.GetProperty("groups").EnumerateObject().ToDictionary(
            g => g.Name, g => Strings(g.Value.GetProperty("members")));
        return WithNameFacts(root, new HostFacts(certs, consumers, users, groups));
    }

    // ---- Facts for the name checks (CL3007–CL3012): each certificate's server and the names each
    // consumer serves, read from a separate attribute so the core shape above stays as it is.

    private const string NameFactsExpression =
        " // { nameFacts = { servers = builtins.mapAttrs (n: c: c.server) cfg.security.acme.certs; " +
        "consumerNames = map (c: c.names) cfg.configlang.certConsumers; }; }";

    private static HostFacts WithNameFacts(JsonElement root, HostFacts facts)
    {
        if (!root.TryGetProperty("nameFacts", out var names)) return facts;
        var servers = names.GetProperty("servers");
        var certs = facts.Certs.Select(c => c with { Server = OptionalString(servers, c.Name) }).ToList();
        var consumerNames = names.GetProperty("consumerNames").EnumerateArray().Select(Strings).ToList();
        var consumers = facts.Consumers.Select((c, i) => i < consumerNames.Count ? c with { Names = consumerNames[i] } : c).ToList();
        return facts with { Certs = certs, Consumers = consumers };
    }

    // ---- end of the name-check facts.

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(e => e.ToString())] : [];
}
