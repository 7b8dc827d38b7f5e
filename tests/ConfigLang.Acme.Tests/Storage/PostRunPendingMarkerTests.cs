using System.Runtime.Versioning;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// The pending-postRun marker: written in the same transaction as a new CA-issued certificate
/// whose request has a postRun (so a run that dies before postRun leaves it pending), never for a
/// placeholder, an identical reinstall or a request without postRun; never followed when it is a link.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PostRunPendingMarkerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempRoot _root = new();
    private readonly CertificateRequest _request = Requests.Http("example.org") with { Group = "nginx", PostRun = "systemctl restart thing" };

    public void Dispose() => _root.Dispose();

    private CertificateMaterial Material()
    {
        var issued = TestCertificates.Issue(_request, Now.AddDays(-30), Now.AddDays(60));
        return CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem);
    }

    [Fact]
    public void A_new_certificate_with_a_postRun_is_pending_until_cleared_and_an_identical_reinstall_does_not_mark_it_again()
    {
        var store = new CertificateStore(_root.Path);
        var material = Material();

        store.Install(_request, material);

        Assert.True(store.IsPostRunPending("example.org"));
        var marker = _root.File_("var", "lib", "acme", "example.org", StateLayout.PostRunPendingMarker);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(marker));

        store.ClearPostRunPending("example.org");
        Assert.False(store.IsPostRunPending("example.org"));
        store.Install(_request, material);
        Assert.False(store.IsPostRunPending("example.org"));
    }

    [Fact]
    public void Placeholders_and_requests_without_postRun_leave_nothing_pending()
    {
        var store = new CertificateStore(_root.Path);

        store.InstallPlaceholder(_request, Now);
        Assert.False(store.IsPostRunPending("example.org"));

        store.Install(_request with { PostRun = "  " }, Material());
        Assert.False(store.IsPostRunPending("example.org"));
    }

    [Fact]
    public void A_link_where_the_marker_belongs_is_refused_not_followed()
    {
        using var outside = new OutsideTree();
        var store = new CertificateStore(_root.Path);
        store.Install(_request, Material());
        var marker = _root.File_("var", "lib", "acme", "example.org", StateLayout.PostRunPendingMarker);
        File.Delete(marker);
        File.CreateSymbolicLink(marker, outside.Victim);

        Assert.Throws<UnsafePathException>(() => store.IsPostRunPending("example.org"));
        store.ClearPostRunPending("example.org");

        Assert.False(File.Exists(marker) || Directory.Exists(marker) || new FileInfo(marker).LinkTarget is not null);
        outside.AssertUnchanged();
    }
}
