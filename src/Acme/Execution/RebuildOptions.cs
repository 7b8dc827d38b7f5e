using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Execution;

/// <summary>How a rebuild runs: concurrency, dry run, mode, and what else it must make exist.</summary>
public sealed record RebuildOptions
{
    /// <summary>At most this many orders at once (NixOS <c>maxConcurrentRenewals</c>); 0 = unlimited.</summary>
    public int Jobs { get; init; } = 5;

    /// <summary>Report what would be done; write nothing, contact no CA, reload nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Rebuild (everything) or renew (only what is due).</summary>
    public RebuildMode Mode { get; init; } = RebuildMode.Rebuild;

    /// <summary>Groups that must exist under the root (the declared ones and the certificate groups), with their members.</summary>
    public IReadOnlyList<SystemGroup> Groups { get; init; } = [];

    /// <summary>Users that must exist under the root (e.g. <c>acme</c>, <c>nginx</c> with extra groups).</summary>
    public IReadOnlyList<SystemUser> Users { get; init; } = [];

    /// <summary>
    /// Units reloaded once before the first order when placeholders or generated configuration
    /// changed, so a web server serves the challenge directory (NixOS's nginx-config-reload
    /// before acme-order-renew).
    /// </summary>
    public IReadOnlyList<string> ReloadBeforeOrders { get; init; } = [];

    /// <summary>True when the caller changed generated service configuration (forces <see cref="ReloadBeforeOrders"/>).</summary>
    public bool ServiceConfigurationChanged { get; init; }

    /// <summary>Validity of a fresh self-signed placeholder (default: the store's).</summary>
    public TimeSpan? PlaceholderValidity { get; init; }

    /// <summary>
    /// The etcd cluster this host shares its certificates with (<c>security.acme.cluster</c>),
    /// connected by the caller before it wrote anything (the CLI does, so a missing key file or an
    /// unreachable cluster stops the run with nothing changed), or null. The executor never
    /// connects, never disposes it, and does not use it in a dry run.
    /// </summary>
    public ICertificateCluster? Cluster { get; init; }

    /// <summary>How this host names itself to the others of a cluster (who stored a certificate).</summary>
    public string HostName { get; init; } = Environment.MachineName;
}
