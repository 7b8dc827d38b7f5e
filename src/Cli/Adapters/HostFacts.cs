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
    string PostRun)
{
    /// <summary>Whether any challenge is configured (a certificate someone actually set up).</summary>
    public bool HasChallenge => Webroot is not null || DnsProvider is not null || ListenHttp is not null || ListenTls is not null || S3Bucket is not null;

    public IEnumerable<string> Domains => ExtraDomainNames.Prepend(Domain);
}

/// <summary>One entry of <c>configlang.certConsumers</c>: a service account that opens a certificate's files.</summary>
public sealed record ConsumerFacts(string Service, string Cert, string User, string? Group, IReadOnlyList<string> SupplementaryGroups, bool ViaCredentials, string? Option);

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
        "groups = builtins.mapAttrs (n: g: { inherit (g) members; }) cfg.users.groups; }";

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
        return new HostFacts(certs, consumers, users, groups);
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(e => e.ToString())] : [];
}
