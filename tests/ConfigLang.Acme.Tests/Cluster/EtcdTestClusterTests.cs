using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>The fixture itself: three members, one can go down and come back, TLS needs the client certificate.</summary>
public sealed class EtcdTestClusterTests
{
    [Fact]
    public async Task Three_members_keep_serving_with_one_down_and_it_rejoins()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        Assert.Equal(3, etcd.Endpoints.Count);
        var members = await etcd.EtcdctlAsync("member", "list");
        Assert.Equal(3, members.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await etcd.StopMemberAsync(2);
        await etcd.EtcdctlAsync("put", "/fixture/k", "written-while-member-2-was-down");
        await etcd.StartMemberAsync(2);
        var fromMember2 = await etcd.EtcdctlAsync("--endpoints=" + etcd.Endpoints[1], "get", "--print-value-only", "/fixture/k");
        Assert.Equal("written-while-member-2-was-down", fromMember2.Trim());
    }

    [Fact]
    public async Task With_tls_a_client_certificate_is_required()
    {
        await using var etcd = await EtcdTestCluster.StartAsync(tls: true);
        Assert.All(etcd.Endpoints, e => Assert.Equal("https", e.Scheme));
        await etcd.EtcdctlAsync("put", "/fixture/tls", "ok");
        Assert.NotNull(etcd.CaFile);
        var withoutClientCertificate = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            etcd.EtcdctlAsync("--cert=", "--key=", "--command-timeout=2s", "get", "/fixture/tls"));
        Assert.Contains("failed", withoutClientCertificate.Message);
    }
}
