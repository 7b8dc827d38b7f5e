using System.Diagnostics;
using ConfigLang.Acme.Cluster;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>
/// A real process that takes a certificate's lock through <see cref="EtcdCertificateClusterFactory"/>
/// and holds it (keep-alive running) until it is killed: the test assembly started again with
/// <c>hold-cluster-lock</c> (its own entry point, <see cref="TestAssemblyProgram"/>).
/// </summary>
internal static class LockHolderProcess
{
    public const string Command = "hold-cluster-lock";

    /// <summary>Starts the holder for <paramref name="host"/>'s settings and returns once it holds the lock.</summary>
    public static async Task<Process> StartAsync(ClusterHost host, string name)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk ? fromSdk : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     typeof(LockHolderProcess).Assembly.Location, Command, string.Join(',', host.Settings.Endpoints), host.Root,
                     host.Settings.Prefix, host.Settings.EncryptionKeyFile, ((int)host.Settings.LockTtl.TotalSeconds).ToString(), name,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "locked")
        {
            if (!process.HasExited) process.Kill();
            throw new InvalidOperationException($"the lock holder did not take the lock: {line} {await process.StandardError.ReadToEndAsync()}");
        }
        return process;
    }

    /// <summary>The child's side: connect, lock, say so, hold until killed.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new ClusterSettings(args[0].Split(',').Select(e => new Uri(e)).ToArray(), args[2], args[3], TimeSpan.FromSeconds(int.Parse(args[4])));
        await using var cluster = await new EtcdCertificateClusterFactory().ConnectAsync(settings, args[1], CancellationToken.None);
        await using var held = await cluster.LockAsync(args[5], CancellationToken.None);
        Console.WriteLine("locked");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}

/// <summary>
/// The test assembly's entry point (instead of the test SDK's empty one), so a test can start
/// this assembly as a helper process; the test runner never calls it.
/// </summary>
internal static class TestAssemblyProgram
{
    public static async Task<int> Main(string[] args) =>
        args is [LockHolderProcess.Command, .. var rest] ? await LockHolderProcess.RunAsync(rest) : 0;
}
