using System.Diagnostics;

namespace ConfigLang.TestSupport;

/// <summary>
/// A real three-member etcd cluster on 127.0.0.1 (tests/acme-testbed/etcd-cluster.sh), each
/// member on its own free ports with its own data directory in a temporary folder; members are
/// stopped by their recorded PID, never by name. For <c>security.acme.cluster</c>'s tests:
/// <see cref="StopMemberAsync"/> and <see cref="StartMemberAsync"/> take one member down and up
/// again; dispose stops all and deletes the folder. The script installs Debian's etcd-server and
/// etcd-client when missing, and fails with the reason when it cannot, as the tests need them.
/// </summary>
public sealed class EtcdTestCluster : IAsyncDisposable
{
    private EtcdTestCluster(string directory, IReadOnlyDictionary<string, string> env)
    {
        Directory = directory;
        Endpoints = env["ETCD_ENDPOINTS"].Split(',').Select(e => new Uri(e)).ToArray();
        CaFile = env.GetValueOrDefault("ETCD_CA_FILE");
        CertFile = env.GetValueOrDefault("ETCD_CERT_FILE");
        KeyFile = env.GetValueOrDefault("ETCD_KEY_FILE");
    }

    /// <summary>The folder holding the members' data, logs, PIDs and (with TLS) certificates.</summary>
    public string Directory { get; }

    /// <summary>The client URLs of members 1, 2 and 3, in that order.</summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    /// <summary>With TLS: the CA of the members' certificates, and a client certificate and key it signed.</summary>
    public string? CaFile { get; }

    public string? CertFile { get; }

    public string? KeyFile { get; }

    public static string Script => System.IO.Path.Combine(RepositoryRoot.Path, "tests", "acme-testbed", "etcd-cluster.sh");

    /// <summary>Starts the three members and waits until each is healthy; with <paramref name="tls"/> clients need mutual TLS.</summary>
    public static async Task<EtcdTestCluster> StartAsync(bool tls = false)
    {
        // The script installs etcd-server and etcd-client when they are missing, and fails naming them when it cannot.
        var directory = System.IO.Directory.CreateTempSubdirectory("configlang-etcd-").FullName;
        var ports = FreePorts.Take(6);
        await RunScriptAsync(new Dictionary<string, string>
        {
            ["ETCD_CLIENT_PORTS"] = string.Join(' ', ports[..3]),
            ["ETCD_PEER_PORTS"] = string.Join(' ', ports[3..]),
            ["ETCD_TLS"] = tls ? "1" : "0",
        }, "start", directory);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(System.IO.Path.Combine(directory, "env")))
        {
            var equals = line.IndexOf('=');
            if (equals > 0) env[line[..equals]] = line[(equals + 1)..];
        }
        return new EtcdTestCluster(directory, env);
    }

    /// <summary>Stops member <paramref name="member"/> (1..3); the others keep quorum.</summary>
    public Task StopMemberAsync(int member) => RunScriptAsync(null, "stop-member", Directory, member.ToString());

    /// <summary>Starts member <paramref name="member"/> again with its data and waits until it is healthy.</summary>
    public Task StartMemberAsync(int member) => RunScriptAsync(null, "start-member", Directory, member.ToString());

    /// <summary>Stops every member (the folder stays until dispose).</summary>
    public Task StopAllAsync() => RunScriptAsync(null, "stop", Directory);

    /// <summary>
    /// Runs <c>etcdctl</c> (Debian's etcd-client, API v3) against all members with this cluster's
    /// certificates and returns its output: an independent look at what is stored.
    /// </summary>
    public async Task<string> EtcdctlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("etcdctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ETCDCTL_API"] = "3";
        start.ArgumentList.Add("--endpoints=" + string.Join(',', Endpoints));
        start.ArgumentList.Add("--command-timeout=5s");
        if (CaFile is not null) start.ArgumentList.Add("--cacert=" + CaFile);
        if (CertFile is not null) start.ArgumentList.Add("--cert=" + CertFile);
        if (KeyFile is not null) start.ArgumentList.Add("--key=" + KeyFile);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("etcdctl did not start (Debian package etcd-client)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"etcdctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task RunScriptAsync(IReadOnlyDictionary<string, string>? env, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"etcd-cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout}\n{await stderr}");
    }
}
