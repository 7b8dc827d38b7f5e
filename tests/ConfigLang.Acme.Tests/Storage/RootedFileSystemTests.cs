using System.Diagnostics;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Execution;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// The other things that can be planted where ConfigLang reads or repairs its files: a FIFO
/// (must not be opened, so it can neither hang the run nor release a writer), a huge file (must not be read into memory), and a hard link to a
/// file beyond the root (must not be chmod'ed or chown'ed by the permission repair).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RootedFileSystemTests : IDisposable
{
    private const string Name = "a.example.test";

    private readonly TempRoot _root = new();
    private readonly OutsideTree _outside = new();

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    private string CertificateFile(string file)
    {
        Directory.CreateDirectory(_root.File_("var", "lib", "acme", Name));
        return _root.File_("var", "lib", "acme", Name, file);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task A_fifo_where_a_certificate_file_belongs_is_refused_at_once_without_being_opened()
    {
        // Opening a device acts on it (a watchdog starts counting, a tape rewinds): judged first, opened never.
        const string file = "fullchain.pem";
        using var writer = new WaitingFifoWriter(CertificateFile(file));

        // A hang (a FIFO opened for reading waits for a writer) fails here, not the whole run.
        var read = Task.Run(() => new CertificateStore(_root.Path).Read(Name)).WaitAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => read);
        Assert.Equal(CertificateFile(file), error.Path);
        writer.AssertNeverOpened();
    }

    [Fact]
    public void A_fifo_named_as_a_credentials_file_is_refused_without_being_opened()
    {
        Directory.CreateDirectory(_root.File_("run", "secrets"));
        var fifo = _root.File_("run", "secrets", "dns.env");
        using var writer = new WaitingFifoWriter(fifo);

        var error = Assert.Throws<UnsafePathException>(() => new RootedFileSystem(_root.Path).ReadConfiguredFile("/run/secrets/dns.env"));

        Assert.Equal(fifo, error.Path);
        writer.AssertNeverOpened();
    }

    [Fact]
    public void A_file_larger_than_the_bound_is_an_error_not_an_allocation()
    {
        using (var stream = File.Create(CertificateFile("fullchain.pem"))) stream.SetLength(RootedDirectory.MaxFileBytes + 1L);

        var error = Assert.Throws<IOException>(() => new CertificateStore(_root.Path).Read(Name));

        Assert.Contains("larger than 16 MiB", error.Message);
    }

    [Fact]
    public void A_hard_link_to_a_file_beyond_the_root_is_neither_chmoded_nor_chowned()
    {
        Run("ln", _outside.Victim, CertificateFile("stray.pem"));

        var error = Assert.Throws<UnsafePathException>(() => new PermissionRepair(_root.Path).Run([ExecutorRequests.Http(Name, "https://127.0.0.1:1/dir")]));

        Assert.Equal(CertificateFile("stray.pem"), error.Path);
        Assert.Contains("2 hard links", error.Message);
        _outside.AssertUnchanged();
    }
}
