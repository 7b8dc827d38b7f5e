using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// postRun runs as root in the certificate's directory, which the certificate's owner can write
/// to: a symlink that owner puts in the directory's place just before postRun starts must not
/// lead postRun's relative paths beyond the root. Against the real testbed (pebble), so a new
/// certificate is installed and its postRun runs.
/// </summary>
[Collection(SharedTestbedCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostRunDirectoryTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    [Fact]
    public async Task A_certificate_directory_swapped_for_a_link_just_before_postRun_does_not_lead_postRun_out_of_the_root()
    {
        using var root = new TempRoot(withUsers: false);
        using var outside = new OutsideTree();
        var name = Bed.UniqueName("postrun-dir");
        var request = new CertificateRequest
        {
            Name = name, Domains = [Identifier.Dns(name)],
            Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, ListenHttp = $"127.0.0.1:{Bed.Http01Port}" },
            Server = Bed.DirectoryUrl.AbsoluteUri, Email = "admin@example.test", Group = "acme",
            PostRun = "echo ran > postrun-was-here", SourceTag = new SourceSite("/hosts/postrun.nix", 3, 5),
        };
        var executor = new PlanExecutor(root.Path, TimeProvider.System, PlanExecutor.ClientsTrusting(Bed.HttpsCa), new RecordingServiceManager(root.Path).Manager);
        var directory = new StateLayout(root.Path).CertificateDirectory(name);
        var progress = new SynchronousProgress<RebuildProgress>(p =>
        {
            if (p.Certificate != name || p.Step != "postRun") return;
            // The owner's move: the real directory aside, a link to elsewhere in its place.
            Directory.Move(directory, directory + ".aside");
            File.CreateSymbolicLink(directory, outside.Path);
        });

        var summary = await executor.RunAsync([request], ExecutorRequests.Options() with { Groups = [new("acme")] }, progress);

        outside.AssertUnchanged();
        var outcome = Assert.Single(summary.Certificates);
        Assert.True(outcome.Error is null, outcome.Error?.Message);
        Assert.Equal(CertificateOutcomeKind.Installed, outcome.Kind);
        // postRun ran where the certificate it was given is.
        Assert.Equal("ran\n", File.ReadAllText(Path.Combine(directory + ".aside", "postrun-was-here")));
        Assert.False(File.Exists(Path.Combine(directory + ".aside", StateLayout.PostRunPendingMarker)));
    }
}
