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

    /// <summary><c>eab.hmacFile</c>: the file holding the external account binding key, or null.</summary>
    public string? EabHmacFile { get; init; }
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
        "{ certs = builtins.mapAttrs (n: c: { inherit (c) domain extraDomainNames webroot dnsProvider listenHTTP listenTLS s3Bucket group environmentFile credentialFiles postRun server; " +
        "eabHmacFile = c.eab.hmacFile; }) cfg.security.acme.certs; " +
        "consumers = map (c: { inherit (c) service cert user group supplementaryGroups viaCredentials option names; }) cfg.configlang.certConsumers; " +
        "users = builtins.mapAttrs (n: u: { inherit (u) group extraGroups; }) cfg.users.users; " +
        "groups = builtins.mapAttrs (n: g: { inherit (g) members; }) cfg.users.groups; " +
        ReachabilityExpression + "}";

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
            OptionalString(p.Value, "postRun") ?? "",
            OptionalString(p.Value, "server"))
        {
            EabHmacFile = OptionalString(p.Value, "eabHmacFile"),
        }).ToList();
        var consumers = root.GetProperty("consumers").EnumerateArray().Select(c => new ConsumerFacts(
            c.GetProperty("service").GetString()!,
            c.GetProperty("cert").GetString()!,
            c.GetProperty("user").GetString()!,
            OptionalString(c, "group"),
            Strings(c.GetProperty("supplementaryGroups")),
            c.GetProperty("viaCredentials").GetBoolean(),
            OptionalString(c, "option"),
            Strings(c.GetProperty("names")))).ToList();
        var users = root.GetProperty("users").EnumerateObject().ToDictionary(
            u => u.Name, u => new UserFacts(u.Name, OptionalString(u.Value, "group"), Strings(u.Value.GetProperty("extraGroups"))));
        var groups = root.GetProperty("groups").EnumerateObject().ToDictionary(
            g => g.Name, g => Strings(g.Value.GetProperty("members")));
        var firewall = root.GetProperty("firewall");
        var open = firewall.GetProperty("interfaces").EnumerateObject().Select(i => i.Value).Prepend(firewall).ToList();
        var vhosts = root.GetProperty("webVirtualHosts").EnumerateArray().Select(v => new WebVirtualHostFacts(
            v.GetProperty("server").GetString()!,
            OptionalString(v, "name"),
            OptionalString(v, "root"),
            OptionalString(v, "extraConfig") ?? "",
            [.. v.GetProperty("locations").EnumerateArray().Select(l => new WebLocationFacts(
                l.GetProperty("match").GetString()!, OptionalString(l, "root"), OptionalString(l, "alias"), OptionalString(l, "extraConfig") ?? ""))],
            v.TryGetProperty("names", out var names) ? Strings(names) : [])).ToList();
        return new HostFacts(certs, consumers, users, groups)
        {
            Firewall = new FirewallFacts(
                firewall.GetProperty("enable").GetBoolean(),
                [.. open.SelectMany(f => f.GetProperty("allowedTCPPorts").EnumerateArray().Select(p => p.GetInt32()))],
                [.. open.SelectMany(f => f.GetProperty("allowedTCPPortRanges").EnumerateArray()
                    .Select(r => (r.GetProperty("from").GetInt32(), r.GetProperty("to").GetInt32())))]),
            WebVirtualHosts = vhosts,
        };
    }

    /// <summary>The directory the host's paths live under (<c>--root</c> of rebuild and preview; <c>/</c> otherwise).</summary>
    public string Root { get; init; } = "/";

    // ---- Reachability of the challenges and secrets (checks CL3013-CL3015) ----

    /// <summary>The firewall's open TCP ports (<c>networking.firewall</c>).</summary>
    public FirewallFacts Firewall { get; init; } = FirewallFacts.Disabled;

    /// <summary>The virtual hosts of every enabled web server, with what they serve from disk.</summary>
    public IReadOnlyList<WebVirtualHostFacts> WebVirtualHosts { get; init; } = [];

    /// <summary>The firewall and web-server part of <see cref="Expression"/>.</summary>
    private const string ReachabilityExpression =
        "firewall = let fw = cfg.networking.firewall; ranges = map (r: { inherit (r) from to; }); in { inherit (fw) enable allowedTCPPorts; " +
        "allowedTCPPortRanges = ranges fw.allowedTCPPortRanges; " +
        "interfaces = builtins.mapAttrs (n: i: { inherit (i) allowedTCPPorts; allowedTCPPortRanges = ranges i.allowedTCPPortRanges; }) fw.interfaces; }; " +
        "webVirtualHosts = let nginx = cfg.services.nginx; httpd = cfg.services.httpd; caddy = cfg.services.caddy; " +
        "location = m: l: { match = m; inherit (l) root alias extraConfig; }; in " +
        "lib.optionals nginx.enable ([ { server = \"nginx\"; name = null; root = null; extraConfig = nginx.commonHttpConfig + nginx.appendHttpConfig; locations = [ ]; } ] ++ " +
        "lib.mapAttrsToList (n: v: { server = \"nginx\"; name = n; names = [ (if v.serverName != null then v.serverName else n) ] ++ v.serverAliases; " +
        "inherit (v) root extraConfig; locations = lib.mapAttrsToList location v.locations; }) nginx.virtualHosts) ++ " +
        // NixOS's httpd aliases /.well-known/acme-challenge/ to acmeRoot for its ACME virtual hosts.
        "lib.optionals httpd.enable ([ { server = \"httpd\"; name = null; root = null; inherit (httpd) extraConfig; locations = [ ]; } ] ++ " +
        "lib.mapAttrsToList (n: v: { server = \"httpd\"; name = n; names = [ v.hostName ] ++ v.serverAliases; root = v.documentRoot; inherit (v) extraConfig; " +
        "locations = lib.optional (v.acmeCertName != null && v.acmeRoot != null) { match = \"/.well-known/acme-challenge/\"; root = v.acmeRoot; alias = null; extraConfig = \"\"; }; }) httpd.virtualHosts) ++ " +
        "lib.optionals caddy.enable ([ { server = \"caddy\"; name = null; root = null; extraConfig = caddy.globalConfig + caddy.extraConfig; locations = [ ]; } ] ++ " +
        "lib.mapAttrsToList (n: v: { server = \"caddy\"; name = n; names = [ v.hostName ] ++ v.serverAliases; root = null; inherit (v) extraConfig; locations = [ ]; }) caddy.virtualHosts); ";

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(e => e.ToString())] : [];
}

// ---- Reachability of the challenges (checks CL3014, CL3015) ----

/// <summary>
/// <c>networking.firewall</c>: whether it filters, and the TCP ports it lets through, from
/// <c>allowedTCPPorts</c>, <c>allowedTCPPortRanges</c> and every interface's lists together.
/// </summary>
public sealed record FirewallFacts(bool Enable, IReadOnlyList<int> AllowedTcpPorts, IReadOnlyList<(int From, int To)> AllowedTcpPortRanges)
{
    public static readonly FirewallFacts Disabled = new(false, [], []);

    /// <summary>Whether a connection from outside to TCP <paramref name="port"/> gets through.</summary>
    public bool AcceptsTcp(int port) =>
        !Enable || AllowedTcpPorts.Contains(port) || AllowedTcpPortRanges.Any(r => r.From <= port && port <= r.To);
}

/// <summary>
/// One virtual host of an enabled web server (<c>nginx</c>, <c>httpd</c>, <c>caddy</c>), or with
/// a null <see cref="Name"/> the server's global configuration: its document root, its
/// locations that serve files, and its verbatim configuration.
/// </summary>
/// <remarks><paramref name="Names"/>: the host names it answers to as written (server name and
/// aliases); when not given, its attribute name.</remarks>
public sealed record WebVirtualHostFacts(string Server, string? Name, string? Root, string ExtraConfig, IReadOnlyList<WebLocationFacts> Locations,
    IReadOnlyList<string>? Names = null)
{
    /// <summary><see cref="Names"/>, else the attribute name; none for the server-wide entry.</summary>
    public IReadOnlyList<string> ServedNames => Names ?? (Name is null ? [] : [Name]);
}

/// <summary>A location block (<c>match</c> as written, e.g. <c>^~ /.well-known/acme-challenge/</c>) with its <c>root</c> or <c>alias</c>.</summary>
public sealed record WebLocationFacts(string Match, string? Root, string? Alias, string ExtraConfig);
