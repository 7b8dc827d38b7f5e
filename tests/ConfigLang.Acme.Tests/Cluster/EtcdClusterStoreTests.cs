using System.Text.Json;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>Stored certificates and account keys against the real cluster: round trip, encryption at rest, wrong keys, first writer wins.</summary>
[Collection(EtcdClusterCollection.Name)]
public sealed class EtcdClusterStoreTests(EtcdClusterFixture fixture)
{
    private static readonly AccountSpec Account = new("https://acme.example.test/dir", KeyType.Ec256, "ops@example.test");

    [Fact]
    public async Task A_stored_certificate_reads_back_identically_on_another_host()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var hostA = new ClusterHost(fixture.Etcd, prefix);
        await using var hostB = new ClusterHost(fixture.Etcd, prefix, hostA.Key);
        var a = await hostA.ConnectAsync();
        var b = await hostB.ConnectAsync();
        Assert.Null(await b.PeekAsync("round.example.test", CancellationToken.None));

        var stored = ClusterHost.Certificate("round.example.test");
        await using (var held = await a.LockAsync("round.example.test", CancellationToken.None))
        {
            Assert.Null(await held.ReadAsync(CancellationToken.None));
            await held.StoreAsync(stored, CancellationToken.None);
        }

        var read = await b.PeekAsync("round.example.test", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(stored.Material, read.Material);
        Assert.Equal(stored.Names, read.Names);
        Assert.Equal(stored.KeyType, read.KeyType);
        Assert.Equal(stored.NotAfter, read.NotAfter);
        Assert.Equal("host-a", read.StoredBy);
        await using var heldByB = await b.LockAsync("round.example.test", CancellationToken.None);
        Assert.Equal(stored.Material.KeyPem, (await heldByB.ReadAsync(CancellationToken.None))!.Material.KeyPem);
    }

    [Fact]
    public async Task Private_keys_are_never_in_etcd_in_clear()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var host = new ClusterHost(fixture.Etcd, prefix);
        var cluster = await host.ConnectAsync();
        var certificate = ClusterHost.Certificate("secret.example.test");
        await using (var held = await cluster.LockAsync("secret.example.test", CancellationToken.None))
        {
            await held.StoreAsync(certificate, CancellationToken.None);
        }
        var accountPem = ClusterHost.Certificate("account.example.test").Material.KeyPem;
        await cluster.GetOrStoreAccountKeyAsync(Account, accountPem, CancellationToken.None);

        // etcdctl's own view of everything under the prefix.
        var raw = await fixture.Etcd.EtcdctlAsync("get", "--prefix", prefix);
        Assert.Contains("BEGIN CERTIFICATE", raw);
        Assert.DoesNotContain("PRIVATE KEY", raw);
        foreach (var pem in new[] { certificate.Material.KeyPem, accountPem })
        {
            var body = pem.Split('\n')[1];   // the first base64 line of the key
            Assert.DoesNotContain(body, raw);
        }
        Assert.DoesNotContain(host.Key, raw);
    }

    [Fact]
    public async Task A_host_with_another_encryption_key_gets_a_clear_error_and_the_stored_value_stays()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var hostA = new ClusterHost(fixture.Etcd, prefix);
        await using var hostB = new ClusterHost(fixture.Etcd, prefix);   // a different random key
        var a = await hostA.ConnectAsync();
        var b = await hostB.ConnectAsync();
        await using (var held = await a.LockAsync("keys.example.test", CancellationToken.None))
        {
            await held.StoreAsync(ClusterHost.Certificate("keys.example.test"), CancellationToken.None);
        }
        await a.GetOrStoreAccountKeyAsync(Account, "account key of A", CancellationToken.None);
        var before = await RawAsync(prefix);

        var peek = await Assert.ThrowsAsync<ClusterException>(() => b.PeekAsync("keys.example.test", CancellationToken.None));
        Assert.Equal($"the stored key for certificate keys.example.test cannot be decrypted with the key in {hostB.KeyFileFullPath}: the hosts use different encryption keys (the stored value is left as it is)", peek.Message);
        await using (var held = await b.LockAsync("keys.example.test", CancellationToken.None))
        {
            await Assert.ThrowsAsync<ClusterException>(() => held.ReadAsync(CancellationToken.None));
        }
        var account = await Assert.ThrowsAsync<ClusterException>(() => b.GetOrStoreAccountKeyAsync(Account, "account key of B", CancellationToken.None));
        Assert.Contains("cannot be decrypted with the key in " + hostB.KeyFileFullPath, account.Message);
        Assert.DoesNotContain(hostA.Key, account.Message + peek.Message);
        Assert.DoesNotContain(hostB.Key, account.Message + peek.Message);

        Assert.Equal(before, await RawAsync(prefix));
        Assert.Equal("account key of A", await a.GetOrStoreAccountKeyAsync(Account, "another", CancellationToken.None));
    }

    [Fact]
    public async Task The_first_account_key_stored_wins_for_every_host_racing_to_store_one()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var first = new ClusterHost(fixture.Etcd, prefix);
        var hosts = new List<ClusterHost> { first };
        for (var i = 1; i < 6; i++) hosts.Add(new ClusterHost(fixture.Etcd, prefix, first.Key));
        try
        {
            var clusters = await Task.WhenAll(hosts.Select(h => h.ConnectAsync()));
            var candidates = clusters.Select((_, i) => $"account key {i}").ToArray();
            var results = await Task.WhenAll(clusters.Select((c, i) =>
                Task.Run(() => c.GetOrStoreAccountKeyAsync(Account, candidates[i], CancellationToken.None))));
            Assert.Single(results.Distinct());
            Assert.Contains(results[0], candidates);
            // Another account (other key type) is another key.
            Assert.Equal("rsa", await clusters[0].GetOrStoreAccountKeyAsync(Account with { KeyType = KeyType.Rsa2048 }, "rsa", CancellationToken.None));
        }
        finally
        {
            foreach (var host in hosts.Skip(1)) await host.DisposeAsync();
        }
    }

    /// <summary>Every key and value under the prefix as etcd holds them (etcdctl's JSON: base64 bytes).</summary>
    private async Task<string> RawAsync(string prefix)
    {
        using var json = JsonDocument.Parse(await fixture.Etcd.EtcdctlAsync("get", "--prefix", prefix, "-w", "json"));
        return string.Join('\n', json.RootElement.GetProperty("kvs").EnumerateArray()
            .Where(kv => !System.Text.Encoding.UTF8.GetString(kv.GetProperty("key").GetBytesFromBase64()).Contains("/locks/"))
            .Select(kv => kv.GetProperty("key").GetString() + "=" + kv.GetProperty("value").GetString() + "@" + kv.GetProperty("mod_revision").GetInt64()));
    }
}
