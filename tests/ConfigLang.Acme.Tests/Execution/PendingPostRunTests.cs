using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// A failing postRun stays pending (as NixOS keeps it) until it succeeds: the next rebuild or
/// renew runs it again although the certificate is kept, and a failure reports the exit status
/// and the tail of the output. Against the real testbed (pebble), so the certificate is real.
/// </summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class PendingPostRunTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    [Fact]
    public async Task A_failing_postRun_is_reported_with_its_output_and_runs_again_on_rebuild_and_renew_until_it_succeeds()
    {
        using var root = new TempRoot(withUsers: false);
        var layout = new StateLayout(root.Path);
        var name = Bed.UniqueName("postrun");
        var allow = root.File_("allow-postrun");
        // Counts its runs in the certificate directory (its working directory), writes 30 lines, and
        // fails until the test allows it.
        var script = $"echo run >> runs.log; for i in $(seq 1 30); do echo \"line $i\"; done; echo 'to stderr' >&2; [ -e '{allow}' ] || exit 7";
        var request = new CertificateRequest
        {
            Name = name, Domains = [Identifier.Dns(name)],
            Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, ListenHttp = $"127.0.0.1:{Bed.Http01Port}" },
            Server = Bed.DirectoryUrl.AbsoluteUri, Email = "admin@example.test", Group = "acme",
            ReloadServices = ["consumer.service"], PostRun = script, SourceTag = new SourceSite("/hosts/postrun.nix", 3, 5),
        };
        var recorder = new RecordingServiceManager(root.Path);
        var executor = new PlanExecutor(root.Path, TimeProvider.System, PlanExecutor.ClientsTrusting(Bed.HttpsCa), recorder.Manager);
        var options = ExecutorRequests.Options() with { Groups = [new("acme")] };
        var store = new CertificateStore(root.Path);
        int Runs() => File.ReadAllLines(layout.CertificateFile(name, "runs.log")).Length;

        var first = await executor.RunAsync([request], options);

        Assert.Equal(3, first.ExitCode);
        var issued = Assert.Single(first.Certificates);
        Assert.Equal(CertificateOutcomeKind.Installed, issued.Kind);
        Assert.Equal("postRun exited with status 7; it stays pending and runs again on the next rebuild or renew", issued.Error!.Message);
        Assert.Equal(new SourceSite("/hosts/postrun.nix", 3, 5), issued.Error.SourceTag);
        var tail = issued.Error.Output!;
        // stderr merged in the order written; only the last 20 lines are kept.
        Assert.True(tail.Truncated);
        Assert.Equal([.. Enumerable.Range(12, 19).Select(i => $"line {i}"), "to stderr"], tail.Text.Split('\n'));
        Assert.True(store.IsPostRunPending(name));
        // The new certificate is served whatever postRun did.
        Assert.Equal(["consumer.service"], recorder.Calls);
        Assert.Equal(1, Runs());

        var progress = new List<RebuildProgress>();
        var dryRun = await executor.RunAsync([request], options with { DryRun = true }, new SynchronousProgress<RebuildProgress>(progress.Add));
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains(progress, p => p.Certificate == name && p.Step == "postRun pending" && p.Detail == "would run again");
        Assert.Equal(1, Runs());

        var second = await executor.RunAsync([request], options);

        Assert.Equal(3, second.ExitCode);
        var kept = Assert.Single(second.Certificates);
        Assert.Equal((PlanAction.Keep, CertificateOutcomeKind.Unchanged, true), (kept.Action, kept.Kind, kept.PostRunRetried));
        Assert.StartsWith("postRun exited with status 7", kept.Error!.Message);
        Assert.Equal(2, Runs());
        Assert.True(store.IsPostRunPending(name));
        // A retry that fails reloads nothing: the consumers got the certificate the first time.
        Assert.Single(recorder.Calls);

        File.WriteAllText(allow, "");
        var renew = await executor.RunAsync([request], options with { Mode = RebuildMode.Renew });

        Assert.True(renew.ExitCode == 0, renew.Certificates[0].Error?.Message);
        var succeeded = Assert.Single(renew.Certificates);
        Assert.Equal((PlanAction.Keep, true), (succeeded.Action, succeeded.PostRunRetried));
        Assert.EndsWith("line 30\nto stderr", succeeded.PostRunOutput);
        Assert.Equal(3, Runs());
        Assert.False(store.IsPostRunPending(name));
        Assert.Equal(["consumer.service", "consumer.service"], recorder.Calls);

        var quiet = await executor.RunAsync([request], options);

        Assert.Equal(0, quiet.ExitCode);
        Assert.False(quiet.Certificates[0].PostRunRetried);
        Assert.Equal(3, Runs());
        Assert.Equal(2, recorder.Calls.Count);
    }
}
