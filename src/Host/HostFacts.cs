using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>
/// One resolved <c>security.acme.certs.&lt;name&gt;</c> as written (names not yet canonical, so
/// the checks see what the user wrote): the one read of a certificate, from which the planner's
/// <see cref="ConfigLang.Acme.Model.CertificateRequest"/> is made (<see cref="AcmeRequestMapper"/>).
/// </summary>
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

    // The options only the planner and executor read (null when the facts were not read from a configuration).
    public string? Email { get; init; }
    public string? KeyType { get; init; }
    public int? ValidMinDays { get; init; }
    public string? RenewInterval { get; init; }
    public string? Directory { get; init; }
    public string? DnsResolver { get; init; }
    public bool DnsPropagationCheck { get; init; } = true;
    public IReadOnlyList<string> ReloadServices { get; init; } = [];
    public bool OcspMustStaple { get; init; }
    public IReadOnlyList<string> ExtraLegoFlags { get; init; } = [];
    public IReadOnlyList<string> ExtraLegoRunFlags { get; init; } = [];
    public IReadOnlyList<string> ExtraLegoRenewFlags { get; init; } = [];
    public string? Profile { get; init; }
    public string? Csr { get; init; }
    public string? CsrKey { get; init; }
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
public sealed record UserFacts(string Name, string? Group, IReadOnlyList<string> ExtraGroups)
{
    // The rest of users.users.<name> (null when the facts were not read from a configuration).
    public int? Uid { get; init; }
    public bool IsSystemUser { get; init; }
    public bool IsNormalUser { get; init; }
    public string? Home { get; init; }
    /// <summary><c>shell</c>; null: NixOS's choice by account kind.</summary>
    public string? Shell { get; init; }
    public bool CreateHome { get; init; }
    public string HomeMode { get; init; } = "700";
    public string Description { get; init; } = "";
}

/// <summary>
/// The parts of an evaluated host configuration that the checks and the planner read, from the
/// resolved values (<see cref="Read"/>), with <see cref="Locate"/> to point at the user's
/// definition of any option.
/// </summary>
public sealed record HostFacts(
    IReadOnlyList<CertFacts> Certs,
    IReadOnlyList<ConsumerFacts> Consumers,
    IReadOnlyDictionary<string, UserFacts> Users,
    IReadOnlyDictionary<string, IReadOnlyList<string>> GroupMembers)
{
    /// <summary>
    /// True for preview, rebuild and renew, which look at the host's own files under <c>Root</c>: a
    /// credential file missing there is an error. False for lint, which CI runs without the secrets.
    /// </summary>
    public bool ReadsHostFiles { get; init; }

    /// <summary>
    /// The folders whose files the checks may read or stat when the evaluation was restricted (lint not
    /// <c>--impure</c>): the evaluation's own list (<see cref="Interpreter.ReadablePaths"/>: the allowed
    /// folders, the built-in library, <c>-I</c> folders), so a file it may read is checked; null: any. A check that would tell
    /// something of a file outside (its content, size, mode, whether it exists) passes it over, or
    /// lint would answer the probes the evaluation refuses.
    /// </summary>
    public PathAccessPolicy? ReadablePaths { get; init; }

    /// <summary>Whether a check may look at the configured file <paramref name="path"/> (under <c>Root</c>).</summary>
    public bool MayLookAt(string path) =>
        ReadablePaths is null || ReadablePaths.Allows(Root == "/" ? path : Path.Join(Root, path));

    /// <summary>Finds where the user defines an option; none for facts made by hand.</summary>
    public IOptionLocator Locator { get; init; } = OptionLocator.None;

    /// <summary>Where the user defines <paramref name="option"/> (an option path as NixOS writes it, or its parts).</summary>
    public SourceLocation? Locate(string option) => Locator.Locate(ConfigurationQuery.SplitPath(option));

    /// <summary>Where the user defines exactly <paramref name="option"/>; null when the user does not.</summary>
    public SourceLocation? DefinedAt(string option) => Locator.DefinedAt(ConfigurationQuery.SplitPath(option));

    /// <summary>Where the user defines <c>security.acme.certs."NAME".OPTION</c> (the certificate itself when null).</summary>
    public SourceLocation? LocateCert(string name, string? option = null) =>
        Locator.Locate(option is null ? ["security", "acme", "certs", name] : ["security", "acme", "certs", name, .. ConfigurationQuery.SplitPath(option)]);

    /// <summary>The facts of a resolved host configuration. Forcing the certificates and the accounts
    /// whole runs every type check of their options, those the facts do not read included.</summary>
    public static HostFacts Read(HostConfiguration config)
    {
        var acme = config.Get("security.acme");
        // Forced whole before they are read: a certificate's option tree is kept by its options
        // not yet forced, so reading first kept every certificate's tree alive until the end
        // (lint-scale: a fifth more CPU, all of it in the garbage collector).
        foreach (var value in (IEnumerable<ConfiguredValue>)[acme["certs"], config.Get("users.users"), config.Get("users.groups")])
            value.ForceDeep();
        var certs = acme["certs"].Attributes.Select(ReadCert).ToList();
        var consumers = config.Get("configlang.certConsumers").Items.Select(c => new ConsumerFacts(
            c["service"].String!, c["cert"].String!, c["user"].String!, c["group"].String, c["supplementaryGroups"].Strings,
            c["viaCredentials"].Bool, c["option"].String, c["names"].Strings)).ToList();
        var users = config.Get("users.users").Attributes.ToDictionary(u => u.Path[^1], ReadUser);
        var groups = config.Get("users.groups").Attributes.ToDictionary(
            g => g.Path[^1], g => g["members"].Strings);
        var groupIds = config.Get("users.groups").Attributes.ToDictionary(g => g.Path[^1], g => g["gid"].IsNull ? (int?)null : (int)g["gid"].Int);
        var firewall = config.Get("networking.firewall");
        var open = firewall["interfaces"].Attributes.Prepend(firewall).ToList();
        return new HostFacts(certs, consumers, users, groups)
        {
            Firewall = new FirewallFacts(
                firewall["enable"].Bool,
                [.. open.SelectMany(f => f["allowedTCPPorts"].Items.Select(p => (int)p.Int))],
                [.. open.SelectMany(f => f["allowedTCPPortRanges"].Items.Select(r => ((int)r["from"].Int, (int)r["to"].Int)))]),
            WebVirtualHosts = ReadWebVirtualHosts(config),
            GroupIds = groupIds,
            Cluster = ClusterFacts.Read(acme["cluster"]),
            Locator = new OptionLocator(config),
        };
    }

    private static UserFacts ReadUser(ConfiguredValue u) => new(u.Path[^1], u["group"].String, u["extraGroups"].Strings)
    {
        Uid = u["uid"].IsNull ? null : (int)u["uid"].Int,
        IsSystemUser = u["isSystemUser"].Bool,
        IsNormalUser = u["isNormalUser"].Bool,
        Home = u["home"].String,
        Shell = u["shell"].String,
        CreateHome = u["createHome"].Bool,
        HomeMode = u["homeMode"].String ?? "700",
        Description = u["description"].String ?? "",
    };

    private static CertFacts ReadCert(ConfiguredValue c) => new(
        c.Path[^1],
        c["domain"].String!,
        c["extraDomainNames"].Strings,
        c["webroot"].String,
        c["dnsProvider"].String,
        c["listenHTTP"].String,
        c["listenTLS"].String,
        c["s3Bucket"].String,
        c["group"].String!,
        c["environmentFile"].String,
        c["credentialFiles"].Attributes.ToDictionary(f => f.Path[^1], f => f.String ?? ""),
        c["postRun"].String ?? "",
        c["server"].String)
    {
        EabHmacFile = c["eab"]["hmacFile"].String,
        Email = c["email"].String,
        KeyType = c["keyType"].String,
        ValidMinDays = (int)c["validMinDays"].Int,
        RenewInterval = c["renewInterval"].String,
        Directory = c["directory"].String,
        DnsResolver = c["dnsResolver"].String,
        DnsPropagationCheck = c["dnsPropagationCheck"].Bool,
        ReloadServices = c["reloadServices"].Strings,
        OcspMustStaple = c["ocspMustStaple"].Bool,
        ExtraLegoFlags = c["extraLegoFlags"].Strings,
        ExtraLegoRunFlags = c["extraLegoRunFlags"].Strings,
        ExtraLegoRenewFlags = c["extraLegoRenewFlags"].Strings,
        Profile = c["profile"].String,
        Csr = c["csr"].String,
        CsrKey = c["csrKey"].String,
    };

    /// <summary>The virtual hosts of every enabled web server (NixOS's httpd aliases
    /// /.well-known/acme-challenge/ to acmeRoot for its ACME virtual hosts).</summary>
    private static List<WebVirtualHostFacts> ReadWebVirtualHosts(HostConfiguration config)
    {
        var hosts = new List<WebVirtualHostFacts>();
        var nginx = config.Get("services.nginx");
        if (nginx["enable"].Bool)
        {
            hosts.Add(new("nginx", null, null, nginx["commonHttpConfig"].String + nginx["appendHttpConfig"].String, []));
            hosts.AddRange(nginx["virtualHosts"].Attributes.Select(v => new WebVirtualHostFacts("nginx", v.Path[^1], v["root"].String, v["extraConfig"].String ?? "",
                [.. v["locations"].Attributes.Select(l => new WebLocationFacts(l.Path[^1], l["root"].String, l["alias"].String, l["extraConfig"].String ?? ""))],
                [v["serverName"].String ?? v.Path[^1], .. v["serverAliases"].Strings])));
        }
        var httpd = config.Get("services.httpd");
        if (httpd["enable"].Bool)
        {
            hosts.Add(new("httpd", null, null, httpd["extraConfig"].String ?? "", []));
            hosts.AddRange(httpd["virtualHosts"].Attributes.Select(v => new WebVirtualHostFacts("httpd", v.Path[^1], v["documentRoot"].String, v["extraConfig"].String ?? "",
                v["acmeCertName"].String is not null && v["acmeRoot"].String is { } acmeRoot ? [new("/.well-known/acme-challenge/", acmeRoot, null, "")] : [],
                [v["hostName"].String!, .. v["serverAliases"].Strings])));
        }
        var caddy = config.Get("services.caddy");
        if (caddy["enable"].Bool)
        {
            hosts.Add(new("caddy", null, null, caddy["globalConfig"].String + caddy["extraConfig"].String, []));
            hosts.AddRange(caddy["virtualHosts"].Attributes.Select(v => new WebVirtualHostFacts("caddy", v.Path[^1], null, v["extraConfig"].String ?? "", [],
                [v["hostName"].String!, .. v["serverAliases"].Strings])));
        }
        return hosts;
    }

    /// <summary>The declared gid of each group of <c>users.groups</c> (null: the system picks one).</summary>
    public IReadOnlyDictionary<string, int?> GroupIds { get; init; } = new Dictionary<string, int?>();

    /// <summary><c>security.acme.cluster</c>: the etcd cluster the host shares its certificates with.</summary>
    public ClusterFacts Cluster { get; init; } = ClusterFacts.Disabled;

    /// <summary>The directory the host's paths live under (<c>--root</c> of rebuild and preview; <c>/</c> otherwise).</summary>
    public string Root { get; init; } = "/";

    // ---- Reachability of the challenges and secrets (checks CL3013-CL3015) ----

    /// <summary>The firewall's open TCP ports (<c>networking.firewall</c>).</summary>
    public FirewallFacts Firewall { get; init; } = FirewallFacts.Disabled;

    /// <summary>The virtual hosts of every enabled web server, with what they serve from disk.</summary>
    public IReadOnlyList<WebVirtualHostFacts> WebVirtualHosts { get; init; } = [];
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
