using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>Executor behaviour that needs no CA: refusal, dry run, the lock, and a CA that cannot be reached.</summary>
public sealed class PlanExecutorOfflineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    // Nothing listens on port 1 of loopback: every ACME request fails at once.
    private const string DeadServer = "https://127.0.0.1:1/dir";

    private static PlanExecutor Executor(string root, IServiceManager? services = null, Func<Uri, AcmeClient>? clients = null) =>
        new(root, new FakeClock(Now), clients ?? PlanExecutor.ClientsTrusting(null), services ?? new NoServiceManager());

    [Fact]
    public async Task A_plan_with_errors_is_refused_before_anything_is_written()
    {
        using var root = new TempRoot(withUsers: false);
        var wildcardOverHttp = ExecutorRequests.Http("wild", DeadServer, "*.example.test");
        var clientsMade = 0;
        var summary = await Executor(root.Path, clients: u => { clientsMade++; return new AcmeClient(u); })
            .RunAsync([wildcardOverHttp], ExecutorRequests.Options());

        Assert.Equal(RebuildResult.PlanRejected, summary.Result);
        Assert.Equal(1, summary.ExitCode);
        Assert.Contains(summary.Plan.Issues, i => i.Severity == PlanIssueSeverity.Error);
        Assert.Equal(0, clientsMade);
        Assert.False(Directory.Exists(root.File_("var")));
        Assert.False(Directory.Exists(root.File_("etc")));
    }

    [Theory]
    [InlineData("../../../../etc/x")]
    [InlineData(".accounts")]
    [InlineData("a/b")]
    public async Task A_name_that_cannot_be_a_directory_is_refused_before_the_lock_or_anything_else(string name)
    {
        using var root = new TempRoot(withUsers: false);
        var summary = await Executor(root.Path).RunAsync(
            [ExecutorRequests.Http(name, DeadServer, "example.test"), ExecutorRequests.Http("fine.example.test", DeadServer)], ExecutorRequests.Options());

        Assert.Equal(RebuildResult.PlanRejected, summary.Result);
        Assert.Equal(1, summary.ExitCode);
        Assert.Contains(summary.Plan.Issues, i => i.Code == PlanIssueCodes.InvalidCertificateName && i.Certificate == name);
        // Not even the lock file: the root stays as it was.
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }

    [Fact]
    public async Task A_dry_run_reports_the_actions_and_writes_nothing()
    {
        using var root = new TempRoot(withUsers: false);
        var progress = new List<RebuildProgress>();
        var summary = await Executor(root.Path).RunAsync([ExecutorRequests.Http("a.example.test", DeadServer)],
            ExecutorRequests.Options() with { DryRun = true }, new SynchronousProgress<RebuildProgress>(progress.Add));

        Assert.Equal(0, summary.ExitCode);
        var only = Assert.Single(summary.Certificates);
        Assert.Equal((PlanAction.Issue, CertificateOutcomeKind.Skipped), (only.Action, only.Kind));
        Assert.Contains(progress, p => p.Certificate == "a.example.test" && p.Step == "would issue");
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }

    [Fact]
    public async Task The_executor_works_under_its_callers_lock_and_never_takes_it_itself()
    {
        // The command owns the lock (it writes nginx.conf and the units under it first); a second
        // concurrent run is refused there, before anything is written (RebuildCommandTests).
        using var root = new TempRoot(withUsers: false);
        using (RebuildLock.Acquire(root.Path))
        {
            var summary = await Executor(root.Path).RunAsync([ExecutorRequests.Http("a.example.test", DeadServer)], ExecutorRequests.Options());

            // It planned and went on to the (dead) CA rather than being refused by the lock it runs under.
            Assert.Equal(3, summary.ExitCode);
            Assert.Equal(CertificateOutcomeKind.Failed, Assert.Single(summary.Certificates).Kind);
            Assert.True(Directory.Exists(root.File_("var")));
        }
    }

    [Fact]
    public async Task A_client_giving_up_by_cancellation_fails_the_certificates_not_the_run()
    {
        using var root = new TempRoot(withUsers: false);
        using var silent = new ConfigLang.TestSupport.SilentServer();
        // HttpClient's own timeout surfaces as a TaskCanceledException the caller never asked for.
        Func<Uri, AcmeClient> clients = u => new AcmeClient(u, new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) }, disposeHttpClient: true);

        var summary = await Executor(root.Path, clients: clients)
            .RunAsync([ExecutorRequests.Http("a.example.test", $"http://127.0.0.1:{silent.Port}/dir")], ExecutorRequests.Options());

        Assert.Equal((RebuildResult.Failed, 3), (summary.Result, summary.ExitCode));
        Assert.NotNull(Assert.Single(summary.Certificates).Error);
    }

    [Fact]
    public async Task An_unreachable_CA_leaves_a_placeholder_with_NixOS_modes_and_owners_repairs_modes_and_exits_3()
    {
        using var root = new TempRoot(withUsers: false);
        // A key left readable by others by some earlier tool: must be found and fixed first.
        var stray = root.File_("var", "lib", "acme", "b.example.test", "stray.pem");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "secret");
        UnixModes.Set(stray, (UnixFileMode)0b110_100_100);
        var recorder = new RecordingServiceManager(root.Path);
        var requests = new[] { ExecutorRequests.Http("a.example.test", DeadServer) with { ReloadServices = ["nginx.service"] },
                               ExecutorRequests.Http("b.example.test", DeadServer) };

        var summary = await Executor(root.Path, recorder.Manager).RunAsync(requests, ExecutorRequests.Options());

        Assert.Equal((RebuildResult.Failed, 3), (summary.Result, summary.ExitCode));
        Assert.Contains("added user acme", string.Join("\n", summary.AccountChanges));
        Assert.Contains(summary.PermissionFindings, f => f.Path == stray && f.Problem.Contains("0644") && f.Fixed);
        Assert.Equal(UnixModes.GroupReadable, UnixModes.Get(stray));
        foreach (var outcome in summary.Certificates)
        {
            Assert.Equal(CertificateOutcomeKind.Failed, outcome.Kind);
            Assert.True(outcome.PlaceholderInstalled);
            Assert.Equal("tag:" + outcome.Name, outcome.Error!.SourceTag!.File);
            var store = new CertificateStore(root.Path);
            Assert.True(store.Read(outcome.Name) is { IsPlaceholder: true, IsUsable: true });
            CertificateFiles.AssertNixOsModes(root.Path, outcome.Name, "acme", "nginx");
        }
        // Only certificates that changed reload anything; a placeholder is not a change.
        Assert.Empty(recorder.Calls);
        Assert.Empty(summary.ReloadedServices);
    }
}

/// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _gate = new();

    public void Report(T value)
    {
        lock (_gate) report(value);
    }
}
