using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ConfigLang.Acme.Tests.Testbed;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>The ACME testbed shared by the fleet tests (CI's, or a private one on free ports).</summary>
public sealed class FleetTestbedFixture : IAsyncLifetime
{
    public Testbed Testbed { get; private set; } = null!;

    public async Task InitializeAsync() => Testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();

    public async Task DisposeAsync() => await Testbed.DisposeAsync();
}

/// <summary>
/// Hosts of a pool sharing their certificates through a real three-member etcd cluster
/// (tests/acme-testbed/etcd-cluster.sh), each a real <c>configlang rebuild</c> process with its
/// own <c>--root</c>, against the real ACME testbed over DNS-01 (RFC 2136): each name ordered once
/// by three concurrent hosts, a lock holder killed with SIGKILL mid-order, a member stopped
/// mid-run, all members stopped, a wrong, missing or malformed encryption key. No secret (the
/// key file, a private key, the TSIG secret) is ever printed or stored in clear.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FleetEndToEndTests(FleetTestbedFixture fixture) : IClassFixture<FleetTestbedFixture>, IDisposable
{
    private const int LockTtlSeconds = 5;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-fleet-e2e-");
    private readonly string _prefix = "/fleet-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private Testbed Bed => fixture.Testbed;

    public void Dispose() => _work.Delete(recursive: true);

    private string[] Names(string tag, int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        return [.. Enumerable.Range(1, count).Select(i => $"{tag}{i}-{suffix}.{Bed.Env["ACME_DNS_ZONE"]}")];
    }

    /// <summary>A host: its root with the cluster key and the RFC 2136 secrets, and its configuration file.</summary>
    private (string Root, string Config) Host(string name, EtcdTestCluster etcd, IEnumerable<string> certificates, string? key = null,
        string dnsProvider = "rfc2136")
    {
        var root = Path.Combine(_work.FullName, "root-" + name);
        RebuildAgainstTestbedTests.WriteRfc2136Secrets(root, Bed);
        if (key is not null) SecretFile.Write(Path.Combine(root, "run", "secrets", "cluster.key"), key + "\n");
        var config = Path.Combine(_work.FullName, name + ".nix");
        var certs = string.Concat(certificates.Select(c => $"      certs.\"{c}\" = {{ }};\n"));
        File.WriteAllText(config, $$"""
            {
              security.acme = {
                acceptTerms = true;
                defaults = {
                  email = "admin@{{Bed.Env["ACME_DNS_ZONE"]}}";
                  server = "{{Bed.Env["ACME_DIRECTORY_URL"]}}";
                  dnsProvider = "{{dnsProvider}}";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/{{dnsProvider}}.env";
                };
            {{certs}}
                cluster = {
                  enable = true;
                  endpoints = [ {{string.Join(' ', etcd.Endpoints.Select(e => $"\"{e.GetLeftPart(UriPartial.Authority)}\""))}} ];
                  prefix = "{{_prefix}}";
                  encryptionKeyFile = "/run/secrets/cluster.key";
                  lockTTL = {{LockTtlSeconds}};
                };
              };
            }
            """);
        return (root, config);
    }

    private RunningCli StartRebuild((string Root, string Config) host) =>
        CliProcess.Start(null, null, "rebuild", host.Config, "--root", host.Root, "--service-manager", "none",
            "--ca-file", Bed.Env["ACME_HTTPS_CA_CERT"], "--format", "json");

    private static int Orders(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("orders").GetInt32();

    private static string Certificate(string root, string name, string file = "fullchain.pem") =>
        File.ReadAllText(Path.Combine(root, "var", "lib", "acme", name, file));

    /// <summary>Neither the cluster key, nor a private key, nor the TSIG secret in what a run printed.</summary>
    private void AssertNoSecrets(CliRun run, params string[] keys)
    {
        foreach (var text in new[] { run.Stdout, run.Stderr })
        {
            foreach (var key in keys.Append(_key)) Assert.DoesNotContain(key, text);
            Assert.DoesNotContain("PRIVATE KEY", text);
            Assert.DoesNotContain(Bed.Env["ACME_TSIG_SECRET"], text);
        }
    }

    private static string Explain(params CliRun[] runs) => string.Join("\n----\n", runs.Select(r => $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}"));

    [Fact]
    public async Task Three_hosts_sharing_20_names_order_each_once_hold_identical_certificates_and_store_no_key_in_clear()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var names = Names("f", 20);
        var hosts = new[] { "a", "b", "c" }.Select(h => Host(h, etcd, names, _key)).ToArray();

        var running = hosts.Select(StartRebuild).ToArray();
        var runs = await Task.WhenAll(running.Select(r => r.WaitAsync(RunTimeout)));

        Assert.True(runs.All(r => r.ExitCode == 0), Explain(runs));
        Assert.Equal(20, runs.Sum(Orders));
        foreach (var name in names)
        {
            foreach (var file in new[] { "fullchain.pem", "chain.pem", "key.pem", "full.pem" })
            {
                var first = Certificate(hosts[0].Root, name, file);
                Assert.All(hosts.Skip(1), h => Assert.Equal(first, Certificate(h.Root, name, file)));
            }
        }
        // Every certificate is either ordered by this host or installed from the cluster, and counted as such.
        foreach (var run in runs)
        {
            var summary = JsonDocument.Parse(run.Stdout).RootElement;
            var sources = summary.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("source").GetString()).ToArray();
            Assert.All(sources, s => Assert.Contains(s, new[] { "ordered", "cluster" }));
            Assert.Equal(sources.Count(s => s == "ordered"), Orders(run));
            Assert.Equal(sources.Count(s => s == "cluster"), summary.GetProperty("installedFromCluster").GetInt32());
            AssertNoSecrets(run, [.. names.Select(n => KeyBody(Certificate(hosts[0].Root, n, "key.pem")))]);
        }
        // The store, read by etcdctl: certificates are there, private keys only sealed.
        var stored = await etcd.EtcdctlAsync("get", "--prefix", _prefix);
        Assert.Contains("BEGIN CERTIFICATE", stored);
        Assert.DoesNotContain("PRIVATE KEY", stored);
        Assert.All(names, n => Assert.DoesNotContain(KeyBody(Certificate(hosts[0].Root, n, "key.pem")), stored));

        // A fourth host previews: the cluster holds a usable certificate for every name.
        var fourth = Host("d", etcd, names, _key);
        var preview = CliProcess.Run("preview", fourth.Config, "--root", fourth.Root);
        Assert.True(preview.ExitCode == 0, Explain(preview));
        Assert.Equal(20, preview.Stdout.Split('\n').Count(l => l.Contains("usable (stored by ")));
        var previewJson = CliProcess.Run("preview", fourth.Config, "--root", fourth.Root, "--json");
        var certificates = JsonDocument.Parse(previewJson.Stdout).RootElement.GetProperty("certificates").EnumerateArray().ToArray();
        Assert.All(certificates, c => Assert.True(c.GetProperty("cluster").GetProperty("usable").GetBoolean()));
    }

    /// <summary>The base64 body of a PEM key, the part that must never be seen.</summary>
    private static string KeyBody(string pem) => string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));

    [Fact]
    public async Task When_the_lock_holder_is_killed_mid_order_the_waiting_hosts_take_over_within_the_lock_ttl()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var name = Names("k", 1);
        // Host a's DNS "provider" says it has started, then hangs: a is mid-order, holding the lock.
        var started = Path.Combine(_work.FullName, "a-is-ordering");
        var hang = Path.Combine(_work.FullName, "hang.sh");
        File.WriteAllText(hang, $"#!/bin/sh\ntouch '{started}'\nexec sleep 300\n");
        File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var a = Host("a", etcd, name, _key, dnsProvider: "exec");
        SecretFile.Write(Path.Combine(a.Root, "run", "secrets", "exec.env"), $"EXEC_PATH={hang}\nEXEC_SEQUENCE_TIMEOUT=600\n");
        var b = Host("b", etcd, name, _key);
        var c = Host("c", etcd, name, _key);

        using var holder = StartRebuild(a);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(started))
        {
            if (holder.Process.HasExited) Assert.Fail("host a ended before ordering: " + await holder.Stderr);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "host a never started its order");
            await Task.Delay(100);
        }
        var waiting = new[] { StartRebuild(b), StartRebuild(c) };
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(waiting, w => Assert.False(w.Process.HasExited));

        holder.Process.Kill(entireProcessTree: true); // SIGKILL: no release, the lease just stops being kept alive
        var killed = Stopwatch.StartNew();
        var runs = await Task.WhenAll(waiting.Select(w => w.WaitAsync(RunTimeout)));
        var took = killed.Elapsed;

        Assert.True(runs.All(r => r.ExitCode == 0), Explain(runs));
        Assert.True(took < TimeSpan.FromSeconds(LockTtlSeconds + 15), $"the others finished {took.TotalSeconds:F1} s after the kill");
        Assert.Equal(1, runs.Sum(Orders));
        Assert.Equal(Certificate(b.Root, name[0]), Certificate(c.Root, name[0]));
        Assert.Equal(Certificate(b.Root, name[0], "key.pem"), Certificate(c.Root, name[0], "key.pem"));
    }

    [Fact]
    public async Task A_member_stopped_mid_run_changes_nothing_for_the_hosts()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var names = Names("m", 8);
        var hosts = new[] { "a", "b", "c" }.Select(h => Host(h, etcd, names, _key)).ToArray();

        var running = hosts.Select(StartRebuild).ToArray();
        // Once a host is past connecting (its placeholders are there), the first member goes down.
        var deadline = Stopwatch.StartNew();
        while (!hosts.Any(h => Directory.Exists(Path.Combine(h.Root, "var", "lib", "acme", names[0]))) && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        await etcd.StopMemberAsync(1);
        var runs = await Task.WhenAll(running.Select(r => r.WaitAsync(RunTimeout)));

        Assert.True(runs.All(r => r.ExitCode == 0), Explain(runs));
        Assert.Equal(8, runs.Sum(Orders));
        foreach (var name in names)
            Assert.All(hosts.Skip(1), h => Assert.Equal(Certificate(hosts[0].Root, name), Certificate(h.Root, name)));
    }

    [Fact]
    public async Task With_every_member_stopped_rebuild_exits_3_naming_the_endpoints_and_local_files_stay_while_preview_still_previews()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var names = Names("s", 2);
        var first = Host("a", etcd, names[..1], _key);
        var ok = await StartRebuild(first).WaitAsync(RunTimeout);
        Assert.True(ok.ExitCode == 0, Explain(ok));
        var before = Snapshot(first.Root);

        await etcd.StopAllAsync();
        // Another certificate now needs work, and nothing can be asked.
        var grown = Host("a", etcd, names, _key);
        var down = await StartRebuild(grown).WaitAsync(RunTimeout);

        Assert.True(down.ExitCode == 3, Explain(down));
        Assert.All(etcd.Endpoints, e => Assert.Contains(e.GetLeftPart(UriPartial.Authority), down.Stderr));
        Assert.Equal(before, Snapshot(first.Root));
        Assert.False(Directory.Exists(Path.Combine(first.Root, "var", "lib", "acme", names[1])));
        AssertNoSecrets(down);

        var preview = CliProcess.Run("preview", grown.Config, "--root", grown.Root);
        Assert.True(preview.ExitCode == 0, Explain(preview));
        Assert.Contains("warning: cluster: ", preview.Stderr);
        Assert.Contains("the plan is shown without it", preview.Stdout);
        Assert.Contains(names[1], preview.Stdout);
    }

    /// <summary>Every file under the certificate state with its content.</summary>
    private static string Snapshot(string root)
    {
        var state = Path.Combine(root, "var", "lib", "acme");
        return string.Join("\n", Directory.GetFiles(state, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => f + "\n" + (File.ResolveLinkTarget(f, false) is { } link ? "-> " + link.FullName : File.ReadAllText(f))));
    }

    [Fact]
    public async Task A_wrong_missing_or_malformed_key_is_a_clear_error_and_overwrites_nothing()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var name = Names("w", 1);
        var a = Host("a", etcd, name, _key);
        var ok = await StartRebuild(a).WaitAsync(RunTimeout);
        Assert.True(ok.ExitCode == 0, Explain(ok));
        var stored = await etcd.EtcdctlAsync("get", "--prefix", _prefix, "--print-value-only");

        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var wrong = Host("b", etcd, name, otherKey);
        var refused = await StartRebuild(wrong).WaitAsync(RunTimeout);

        Assert.True(refused.ExitCode == 3, Explain(refused));
        var keyFile = Path.Combine(wrong.Root, "run", "secrets", "cluster.key");
        Assert.Contains($"cannot be decrypted with the key in {keyFile}", refused.Stderr);
        Assert.Equal(0, Orders(refused));
        Assert.Equal(stored, await etcd.EtcdctlAsync("get", "--prefix", _prefix, "--print-value-only"));
        AssertNoSecrets(refused, otherKey);

        var missing = Host("c", etcd, name);
        var noKey = await StartRebuild(missing).WaitAsync(RunTimeout);
        Assert.True(noKey.ExitCode == 3, Explain(noKey));
        Assert.Contains($"the cluster's encryption key file {Path.Combine(missing.Root, "run", "secrets", "cluster.key")} does not exist", noKey.Stderr);
        Assert.False(Directory.Exists(Path.Combine(missing.Root, "var", "lib", "acme", name[0])));

        var malformed = Host("d", etcd, name, "this is no key: " + otherKey[..10]);
        var bad = await StartRebuild(malformed).WaitAsync(RunTimeout);
        // A key file that exists but is malformed is an input error found by the checks (CL3019),
        // before the lock, the cluster or any file is touched.
        Assert.True(bad.ExitCode == 1, Explain(bad));
        Assert.Contains("error[CL3019]", bad.Stderr);
        Assert.Contains("does not hold base64 text", bad.Stderr);
        Assert.False(Directory.Exists(Path.Combine(malformed.Root, "var", "lib", "acme", name[0])));
        Assert.DoesNotContain(otherKey[..10], bad.Stdout + bad.Stderr);
        Assert.Equal(stored, await etcd.EtcdctlAsync("get", "--prefix", _prefix, "--print-value-only"));
    }
}
