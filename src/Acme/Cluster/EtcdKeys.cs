namespace ConfigLang.Acme.Cluster;

/// <summary>
/// Where things live in etcd below the cluster's prefix: one directory of keys per certificate
/// (written together in one transaction), the shared account keys, and the locks (etcd's lock
/// service adds <c>/&lt;lease id&gt;</c> per holder or waiter).
/// </summary>
internal sealed class EtcdKeys(string prefix)
{
    private readonly string _prefix = prefix.TrimEnd('/');

    public string CertificateDirectory(string name) => $"{_prefix}/certificates/{name}/";

    public string FullChain(string name) => CertificateDirectory(name) + "fullchain.pem";

    public string Chain(string name) => CertificateDirectory(name) + "chain.pem";

    /// <summary>The leaf alone, only for material that has a separate <c>cert.pem</c>.</summary>
    public string Leaf(string name) => CertificateDirectory(name) + "cert.pem";

    public string SealedKey(string name) => CertificateDirectory(name) + "key.pem.sealed";

    public string Metadata(string name) => CertificateDirectory(name) + "metadata.json";

    public string Lock(string name) => $"{_prefix}/locks/{name}";

    public string SealedAccountKey(string accountHash) => $"{_prefix}/accounts/{accountHash}/key.pem.sealed";

    /// <summary>What the sealed key of certificate <paramref name="name"/> is bound to.</summary>
    public static string CertificateKeyOwner(string name) => "certificate " + name;

    /// <summary>What the sealed account key of <paramref name="accountHash"/> is bound to.</summary>
    public static string AccountKeyOwner(string accountHash) => "account " + accountHash;
}
