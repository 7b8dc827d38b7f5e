using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Cli.Rendering.Preview;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// Per certificate of a plan, what the cluster holds and whether rebuild would install it instead
/// of ordering: the CLUSTER column of <c>preview</c> and of <c>rebuild --dry-run</c>. Read only:
/// no lock, no lease, no write, so neither command changes the cluster.
/// </summary>
internal static class ClusterPlanLookup
{
    /// <summary>Connects, looks up and disconnects; a cluster that cannot be used gives its reason and no rows.</summary>
    public static async Task<ClusterPreview> ConnectAndLookUpAsync(ICertificateClusterFactory clusters, ClusterSettings settings, string root, Plan plan,
        TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await using var cluster = await clusters.ConnectAsync(settings, root, ct).ConfigureAwait(false);
            return await LookUpAsync(cluster, settings, plan, clock, ct).ConfigureAwait(false);
        }
        catch (ClusterException e)
        {
            return Unusable(settings, e);
        }
    }

    /// <summary>The preview of a cluster that could not be connected to (no member reachable, a key file missing).</summary>
    public static ClusterPreview Unusable(ClusterSettings settings, ClusterException error) =>
        new(settings.Endpoints, error.Message, new Dictionary<string, StoredLookup>(StringComparer.Ordinal));

    /// <summary>Looks up every certificate of <paramref name="plan"/> in a connected cluster (the caller's to dispose).</summary>
    public static async Task<ClusterPreview> LookUpAsync(ICertificateCluster cluster, ClusterSettings settings, Plan plan, TimeProvider clock, CancellationToken ct)
    {
        var stored = new Dictionary<string, StoredLookup>(StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            try
            {
                stored[step.Name] = await cluster.PeekAsync(step.Name, ct).ConfigureAwait(false) is { } shared
                    ? Lookup(StoredCertificateFit.Of(step.Request, shared, clock), shared.StoredBy)
                    : new StoredLookup(false, false, "none stored", null, null);
            }
            catch (ClusterException e)
            {
                stored[step.Name] = new StoredLookup(true, false, "cannot be read: " + e.Message, null, null);
            }
        }
        return new ClusterPreview(settings.Endpoints, null, stored);
    }

    private static StoredLookup Lookup(StoredCertificateFit fit, string storedBy) => new(true, fit.Usable, fit.Reason, storedBy, fit.NotAfter);
}
