using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// A certificate as the cluster stores it: the material (its key decrypted only in memory), and
/// what the planner compares with the configuration before using it instead of ordering.
/// </summary>
/// <param name="Material">Full chain, chain and private key.</param>
/// <param name="Names">The identifiers the certificate was ordered for (primary first).</param>
/// <param name="KeyType">The key type it was ordered with.</param>
/// <param name="NotAfter">End of validity of the leaf.</param>
/// <param name="StoredBy">The host that ordered and stored it (for messages).</param>
public sealed record SharedCertificate(CertificateMaterial Material, IReadOnlyList<string> Names, KeyType KeyType, DateTimeOffset NotAfter, string StoredBy);
