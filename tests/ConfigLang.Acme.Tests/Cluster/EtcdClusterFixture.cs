using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>One three-member etcd cluster (plain http on loopback) shared by the cluster tests.</summary>
public sealed class EtcdClusterFixture : IAsyncLifetime
{
    public EtcdTestCluster Etcd { get; private set; } = null!;

    public async Task InitializeAsync() => Etcd = await EtcdTestCluster.StartAsync();

    public async Task DisposeAsync() => await Etcd.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EtcdClusterCollection : ICollectionFixture<EtcdClusterFixture>
{
    public const string Name = "etcd cluster";
}
