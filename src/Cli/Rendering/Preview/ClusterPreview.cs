namespace ConfigLang.Cli.Rendering.Preview;

/// <summary>
/// What <c>preview</c> learned from the cluster of a host with <c>security.acme.cluster</c>: the
/// endpoints, why it could not be asked (then <see cref="Stored"/> is empty), and per certificate
/// name what the store holds.
/// </summary>
public sealed record ClusterPreview(IReadOnlyList<Uri> Endpoints, string? Error, IReadOnlyDictionary<string, StoredLookup> Stored);

/// <summary>
/// The stored certificate of one name as preview reports it: whether there is one, whether
/// rebuild would install it instead of ordering (the planner's verdict and reason), who stored
/// it and until when it is valid, or why it could not be read.
/// </summary>
public sealed record StoredLookup(bool Present, bool Usable, string Reason, string? StoredBy, DateTimeOffset? NotAfter)
{
    /// <summary>The cell of preview's CLUSTER column.</summary>
    public string Cell => !Present ? Reason : Usable ? $"usable (stored by {StoredBy})" : "not usable: " + Reason;
}
