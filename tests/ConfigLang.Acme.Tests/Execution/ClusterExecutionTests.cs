using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// The executor with a cluster (its decisions, against real pebble certificates, with the cluster
/// contract kept in memory): a host installs what another ordered instead of ordering, a stored
/// certificate the planner would not keep is replaced, a wrong key stops before anything is
/// ordered or overwritten, and all hosts use one ACME account. Connecting is the caller's (the
/// CLI's tests cover an unreachable cluster and a missing key file): the executor is handed the
/// connected cluster.
/// </summary>
[Collection(SharedTestbedCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterExecutionTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    private CertificateRequest Request(string name, params string[] domains) => new()
    {
        Name = name,
        Domains = (domains.Length == 0 ? [name] : domains).Select(Identifier.Dns).ToArray(),
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, ListenHttp = $"127.0.0.1:{Bed.Http01Port}" },
        Server = Bed.DirectoryUrl.AbsoluteUri, Email = "admin@example.test", Group = "acme",
        ReloadServices = ["consumer.service"], SourceTag = new SourceSite("tag:" + name, 1, 1),
    };

    private static RebuildOptions Options(string host, InMemoryCluster cluster) => ExecutorRequests.Options(jobs: 1) with
    {
        Groups = [new("acme")], Cluster = cluster, HostName = host,
    };

    private PlanExecutor Host(TempRoot root, RecordingServiceManager services, TimeProvider? clock = null) =>
        new(root.Path, clock ?? TimeProvider.System, PlanExecutor.ClientsTrusting(Bed.HttpsCa), services.Manager);

    private static string Read(TempRoot root, string name, string file) => File.ReadAllText(new StateLayout(root.Path).CertificateFile(name, file));

    [Fact]
    public async Task A_second_host_installs_what_the_first_ordered_byte_for_byte_with_one_shared_account_and_reloads_its_services()
    {
        using var a = new TempRoot(withUsers: false);
        using var b = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        var requests = new[] { Request(Bed.UniqueName("fleet1")), Request(Bed.UniqueName("fleet2")) };
        var servicesA = new RecordingServiceManager(a.Path);
        var servicesB = new RecordingServiceManager(b.Path);

        var first = await Host(a, servicesA).RunAsync(requests, Options("a", cluster));

        Assert.True(first.ExitCode == 0, string.Join("; ", first.Certificates.Select(c => c.Error?.Message)));
        Assert.Equal(2, first.Orders);
        Assert.All(first.Certificates, c => Assert.Equal(CertificateOutcomeKind.Installed, c.Kind));
        Assert.Equal(2, cluster.StoreCalls);
        Assert.All(cluster.Stored.Values, s => Assert.Equal("a", s.StoredBy));

        var progress = new List<RebuildProgress>();
        var second = await Host(b, servicesB).RunAsync(requests, Options("b", cluster), new SynchronousProgress<RebuildProgress>(progress.Add));

        Assert.True(second.ExitCode == 0, string.Join("; ", second.Certificates.Select(c => c.Error?.Message)));
        Assert.Equal(0, second.Orders);
        Assert.All(second.Certificates, c => Assert.Equal((PlanAction.Issue, CertificateOutcomeKind.InstalledFromCluster), (c.Action, c.Kind)));
        Assert.All(second.Certificates, c => Assert.Contains("stored by a", c.Reason));
        Assert.Equal(2, cluster.StoreCalls);
        foreach (var request in requests)
        {
            foreach (var file in new[] { StateLayout.FullChainFile, StateLayout.KeyFile, "chain.pem", "full.pem" })
                Assert.Equal(Read(a, request.Name, file), Read(b, request.Name, file));
            Assert.Contains(progress, p => p.Certificate == request.Name && p.Step == "installed from cluster");
            CertificateFiles.AssertNixOsModes(b.Path, request.Name, "acme", "acme");
        }
        // A certificate from the cluster is new to this host: its services reload as for an order.
        Assert.Equal(["consumer.service"], servicesB.Calls);
        // Both hosts hold the one account key the cluster keeps.
        var accountA = Directory.GetFiles(new StateLayout(a.Path).AccountsDirectory, AccountStore.KeyFile, SearchOption.AllDirectories);
        var accountB = Directory.GetFiles(new StateLayout(b.Path).AccountsDirectory, AccountStore.KeyFile, SearchOption.AllDirectories);
        Assert.Equal(File.ReadAllText(Assert.Single(accountA)), File.ReadAllText(Assert.Single(accountB)));

        var third = await Host(b, servicesB).RunAsync(requests, Options("b", cluster));
        Assert.All(third.Certificates, c => Assert.Equal((PlanAction.Keep, CertificateOutcomeKind.Unchanged), (c.Action, c.Kind)));
        Assert.Single(servicesB.Calls);
    }

    [Fact]
    public async Task A_stored_certificate_the_planner_would_not_keep_is_ordered_again_and_replaced()
    {
        using var a = new TempRoot(withUsers: false);
        using var b = new TempRoot(withUsers: false);
        using var c = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        var name = Bed.UniqueName("moved");
        var alias = Bed.UniqueName("alias");
        var first = await Host(a, new RecordingServiceManager(a.Path)).RunAsync([Request(name)], Options("a", cluster));
        Assert.Equal(1, first.Orders);

        // Other names than the stored certificate's: b orders its own and stores it for the fleet.
        var withAlias = Request(name, name, alias);
        var second = await Host(b, new RecordingServiceManager(b.Path)).RunAsync([withAlias], Options("b", cluster));

        Assert.True(second.ExitCode == 0, second.Certificates[0].Error?.Message);
        Assert.Equal((1, CertificateOutcomeKind.Installed), (second.Orders, second.Certificates[0].Kind));
        Assert.Equal([name, alias], cluster.Stored[name].Names);
        Assert.Equal("b", cluster.Stored[name].StoredBy);

        // Inside its renewal window by the planner's rule (validMinDays 30): c renews instead of installing it.
        var stored = cluster.Stored[name];
        var late = new FakeClock(stored.NotAfter.AddDays(-10));
        var third = await Host(c, new RecordingServiceManager(c.Path), late).RunAsync([withAlias], Options("c", cluster));

        Assert.True(third.ExitCode == 0, third.Certificates[0].Error?.Message);
        Assert.Equal(1, third.Orders);
        Assert.Equal("c", cluster.Stored[name].StoredBy);
        Assert.NotEqual(stored.Material.FullChainPem, cluster.Stored[name].Material.FullChainPem);
        Assert.Equal(cluster.Stored[name].Material.FullChainPem, Read(c, name, StateLayout.FullChainFile));
    }

    [Fact]
    public async Task The_cluster_it_is_given_is_used_and_left_to_the_caller_to_dispose()
    {
        using var root = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        var name = Bed.UniqueName("given");

        var summary = await Host(root, new RecordingServiceManager(root.Path)).RunAsync([Request(name)], Options("a", cluster));

        Assert.True(summary.ExitCode == 0, string.Join("; ", summary.OtherErrors.Concat(summary.Certificates.Select(c => c.Error?.Message))));
        Assert.Equal(1, cluster.StoreCalls);
        Assert.Equal("a", cluster.Stored[name].StoredBy);
        Assert.Equal(0, cluster.Disposals);
    }

    [Fact]
    public async Task A_key_that_cannot_decrypt_the_store_fails_without_ordering_or_overwriting()
    {
        using var a = new TempRoot(withUsers: false);
        using var b = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        var name = Bed.UniqueName("wrongkey");
        var first = await Host(a, new RecordingServiceManager(a.Path)).RunAsync([Request(name)], Options("a", cluster));
        Assert.Equal(0, first.ExitCode);
        var stored = cluster.Stored[name];

        cluster.ReadFailure = new ClusterException("the stored data cannot be decrypted with /etc/acme/cluster.key: it is not the key the cluster was written with");
        var second = await Host(b, new RecordingServiceManager(b.Path)).RunAsync([Request(name)], Options("b", cluster));

        Assert.Equal(3, second.ExitCode);
        var failed = Assert.Single(second.Certificates);
        Assert.Equal(CertificateOutcomeKind.Failed, failed.Kind);
        Assert.Contains("cannot be decrypted", failed.Error!.Message);
        Assert.Equal(0, second.Orders);
        Assert.Equal(1, cluster.StoreCalls);
        Assert.Same(stored, cluster.Stored[name]);
    }

    private static string AccountDirectory(TempRoot root) => Assert.Single(Directory.GetDirectories(new StateLayout(root.Path).AccountsDirectory));

    [Fact]
    public async Task A_host_orders_again_with_the_account_key_it_shares_with_the_cluster()
    {
        using var root = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        var first = Request(Bed.UniqueName("again1"));
        var second = Request(Bed.UniqueName("again2"));
        Assert.Equal(0, (await Host(root, new RecordingServiceManager(root.Path)).RunAsync([first], Options("a", cluster))).ExitCode);
        var key = File.ReadAllText(Path.Combine(AccountDirectory(root), AccountStore.KeyFile));

        // The key on disk (as saved, with its final newline) is the cluster's: the next order uses it.
        var summary = await Host(root, new RecordingServiceManager(root.Path)).RunAsync([first, second], Options("a", cluster));

        Assert.True(summary.ExitCode == 0, string.Join("; ", summary.Certificates.Select(c => c.Error?.Message)));
        Assert.Equal(1, summary.Orders);
        Assert.Equal(key, File.ReadAllText(Path.Combine(AccountDirectory(root), AccountStore.KeyFile)));
        Assert.Equal([AccountStore.RegistrationFile, AccountStore.KeyFile], Directory.GetFiles(AccountDirectory(root)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_host_with_its_own_account_joining_a_cluster_with_another_uses_the_clusters_and_keeps_its_own_aside()
    {
        using var a = new TempRoot(withUsers: false);
        using var b = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        Assert.Equal(0, (await Host(a, new RecordingServiceManager(a.Path)).RunAsync([Request(Bed.UniqueName("fleetkey"))], Options("a", cluster))).ExitCode);
        var fleetKey = File.ReadAllText(Path.Combine(AccountDirectory(a), AccountStore.KeyFile));
        // b ordered alone before it joined: its own account, its own key.
        var alone = await Host(b, new RecordingServiceManager(b.Path)).RunAsync([Request(Bed.UniqueName("alone"))], ExecutorRequests.Options(jobs: 1) with { Groups = [new("acme")] });
        Assert.Equal(0, alone.ExitCode);
        var ownKey = File.ReadAllText(Path.Combine(AccountDirectory(b), AccountStore.KeyFile));
        var ownRegistration = File.ReadAllText(Path.Combine(AccountDirectory(b), AccountStore.RegistrationFile));
        Assert.NotEqual(fleetKey, ownKey);

        var progress = new List<RebuildProgress>();
        var joined = await Host(b, new RecordingServiceManager(b.Path)).RunAsync([Request(Bed.UniqueName("joined"))], Options("b", cluster),
            new SynchronousProgress<RebuildProgress>(progress.Add));

        Assert.True(joined.ExitCode == 0, string.Join("; ", joined.Certificates.Select(c => c.Error?.Message)));
        Assert.Equal(1, joined.Orders);
        var directory = AccountDirectory(b);
        Assert.Equal(fleetKey, File.ReadAllText(Path.Combine(directory, AccountStore.KeyFile)));
        var keptKey = Assert.Single(Directory.GetFiles(directory, AccountStore.KeyFile + ".before-cluster-*"));
        Assert.Equal(ownKey, File.ReadAllText(keptKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keptKey));
        Assert.Equal(ownRegistration, File.ReadAllText(Assert.Single(Directory.GetFiles(directory, AccountStore.RegistrationFile + ".before-cluster-*"))));
        // The registration now names the cluster's account, as on a.
        Assert.Equal(File.ReadAllText(Path.Combine(AccountDirectory(a), AccountStore.RegistrationFile)), File.ReadAllText(Path.Combine(directory, AccountStore.RegistrationFile)));
        var note = Assert.Single(progress, p => p.Step == "account key kept aside");
        Assert.Equal(keptKey, note.Detail);
        Assert.Equal([keptKey], joined.KeptAccountKeys);

        // The next run finds the cluster's key in place: nothing more is kept aside.
        var again = await Host(b, new RecordingServiceManager(b.Path)).RunAsync([Request(Bed.UniqueName("joined2"))], Options("b", cluster));
        Assert.Equal(0, again.ExitCode);
        Assert.Single(Directory.GetFiles(directory, AccountStore.KeyFile + ".before-cluster-*"));
        Assert.Empty(again.KeptAccountKeys);
    }

    [Theory]
    [InlineData(true, "to use the cluster's account")]
    [InlineData(false, "to register a new account")]
    public async Task A_damaged_account_key_fails_naming_its_file_and_is_left_as_it_was(bool clustered, string advice)
    {
        using var root = new TempRoot(withUsers: false);
        var cluster = new InMemoryCluster();
        Assert.Equal(0, (await Host(root, new RecordingServiceManager(root.Path)).RunAsync([Request(Bed.UniqueName("damaged1"))], Options("a", cluster))).ExitCode);
        var keyPath = Path.Combine(AccountDirectory(root), AccountStore.KeyFile);
        const string damaged = "-----BEGIN EC PRIVATE KEY-----\nnot a key\n-----END EC PRIVATE KEY-----\n";
        File.WriteAllText(keyPath, damaged);

        var options = clustered ? Options("a", cluster) : ExecutorRequests.Options(jobs: 1) with { Groups = [new("acme")] };
        var summary = await Host(root, new RecordingServiceManager(root.Path)).RunAsync([Request(Bed.UniqueName("damaged2"))], options);

        var failed = Assert.Single(summary.Certificates);
        Assert.Equal($"account key {keyPath} is not a private key in PEM form; move it aside {advice}", failed.Error?.Message);
        Assert.Equal(0, summary.Orders);
        Assert.Equal(damaged, File.ReadAllText(keyPath));
    }
}
