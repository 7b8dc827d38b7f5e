using System.Diagnostics;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Execution;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// Someone who can write a certificate's directory (its owner, the ACME user) swaps a name for a
/// hard link to a file beyond the root after rebuild looked at or created it and before rebuild
/// sets its owner and mode. The test hooks stand for that moment; the linked file must stay as it
/// was (a chown or chmod by name would give /etc/shadow to the certificate's owner and group).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SwappedEntryTests : IDisposable
{
    private const string Name = "a.example.test";

    private readonly TempRoot _root = new();
    private readonly OutsideTree _outside = new();

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    private string CertificateFile(string file) => _root.File_("var", "lib", "acme", Name, file);

    private RootedDirectory CertificateDirectory() =>
        new RootedFileSystem(_root.Path).CreateDirectory(StateLayout.HostCertificateDirectory(Name), UnixModes.GroupDirectory);

    // The attacker's move: our entry goes aside, a second name of the victim takes its place.
    private void SwapForVictim(string path)
    {
        File.Move(path, path + ".aside");
        using var ln = Process.Start(new ProcessStartInfo("ln", [_outside.Victim, path]))!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    [Fact]
    public void A_new_file_swapped_before_it_is_owned_leaves_the_linked_file_alone_and_its_content_goes_only_where_it_was_owned()
    {
        string? temporary = null;
        using (var directory = CertificateDirectory())
        using (var transaction = new FileTransaction(directory, new FileOwnership(_root.Path)) { AfterCreate = path => SwapForVictim(temporary = path) })
        {
            transaction.StageFile(StateLayout.KeyFile, "our key\n"u8, UnixModes.GroupReadable, "acme", "nginx");
            // What is under the temporary name now is not the file staged: it is not installed as the key.
            var error = Assert.Throws<UnsafePathException>(transaction.Commit);
            Assert.Equal(temporary, error.Path);
        }

        Assert.False(File.Exists(CertificateFile(StateLayout.KeyFile)));
        _outside.AssertUnchanged();
        // Our file, moved aside by the attacker, got the owner and mode before the secret went in.
        var ours = temporary! + ".aside";
        Assert.Equal("our key\n", File.ReadAllText(ours));
        Assert.Equal(UnixModes.GroupReadable, File.GetUnixFileMode(ours));
        Assert.Equal(("acme", "nginx"), new FileOwnership(_root.Path).Get(ours));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_staged_entry_swapped_just_before_commit_is_not_installed(bool symlink)
    {
        string? temporary = null;
        var target = symlink ? StateLayout.CertFile : StateLayout.KeyFile;
        using (var directory = CertificateDirectory())
        using (var transaction = new FileTransaction(directory, new FileOwnership(_root.Path))
               {
                   AfterCreate = path => temporary = path,
                   BeforeReplace = _ => SwapForVictim(temporary!),
               })
        {
            if (symlink) transaction.StageSymlink(target, StateLayout.FullChainFile, "acme", "nginx");
            else transaction.StageFile(target, "our key\n"u8, UnixModes.GroupReadable, "acme", "nginx");

            var error = Assert.Throws<UnsafePathException>(transaction.Commit);

            Assert.Equal(temporary, error.Path);
        }
        Assert.False(File.Exists(CertificateFile(target)));
        _outside.AssertUnchanged();
    }

    [Fact]
    public void A_staged_file_swapped_just_before_it_replaces_an_existing_one_leaves_the_old_one_in_place()
    {
        string? temporary = null;
        using (var directory = CertificateDirectory()) File.WriteAllText(CertificateFile(StateLayout.KeyFile), "old key\n");
        using (var directory = CertificateDirectory())
        using (var transaction = new FileTransaction(directory, new FileOwnership(_root.Path))
               {
                   AfterCreate = path => temporary = path,
                   BeforeReplace = _ => SwapForVictim(temporary!),
               })
        {
            transaction.StageFile(StateLayout.KeyFile, "our key\n"u8, UnixModes.GroupReadable, "acme", "nginx");

            var error = Assert.Throws<UnsafePathException>(transaction.Commit);

            Assert.Equal(temporary, error.Path);
        }
        // The victim's second name went in under the target and was put back out by the restore.
        Assert.Equal("old key\n", File.ReadAllText(CertificateFile(StateLayout.KeyFile)));
        Assert.Equal(1, PosixAt.Stat(PosixAt.AtFdCwd, CertificateFile(StateLayout.KeyFile), CertificateFile(StateLayout.KeyFile))!.Links);
        _outside.AssertUnchanged();
    }

    [Fact]
    public void A_new_symlink_swapped_before_it_is_owned_is_refused_and_the_linked_file_left_alone()
    {
        using var directory = CertificateDirectory();
        using var transaction = new FileTransaction(directory, new FileOwnership(_root.Path)) { AfterCreate = SwapForVictim };

        var error = Assert.Throws<UnsafePathException>(() => transaction.StageSymlink(StateLayout.CertFile, StateLayout.FullChainFile, "acme", "nginx"));

        Assert.StartsWith(CertificateFile(".cert.pem.tmp-"), error.Path);
        _outside.AssertUnchanged();
    }

    // Wrong owner (root) and, for the file, a wrong mode: both would be repaired.
    private void PlantStray(bool symlink)
    {
        using (CertificateDirectory()) { }
        if (symlink) File.CreateSymbolicLink(CertificateFile("stray.pem"), "fullchain.pem");
        else File.WriteAllText(CertificateFile("stray.pem"), "stray\n");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_swapped_after_the_repair_opened_and_judged_it_leaves_the_linked_file_alone_and_the_opened_entry_is_repaired(bool symlink)
    {
        PlantStray(symlink);
        var request = ExecutorRequests.Http(Name, "https://127.0.0.1:1/dir");
        var repair = new PermissionRepair(_root.Path)
        {
            BeforeEntryRepair = path => { if (path == CertificateFile("stray.pem")) SwapForVictim(path); },
        };

        repair.Run([request]);

        _outside.AssertUnchanged();
        var opened = CertificateFile("stray.pem.aside");
        if (!symlink) Assert.Equal(UnixModes.GroupReadable, File.GetUnixFileMode(opened));
        Assert.Equal((request.Owner, request.Group), new FileOwnership(_root.Path).Get(opened));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_swapped_between_the_repair_listing_it_and_opening_it_is_refused(bool symlink)
    {
        PlantStray(symlink);
        var repair = new PermissionRepair(_root.Path)
        {
            BeforeEntryOpen = path => { if (path == CertificateFile("stray.pem")) SwapForVictim(path); },
        };

        var error = Assert.Throws<UnsafePathException>(() => repair.Run([ExecutorRequests.Http(Name, "https://127.0.0.1:1/dir")]));

        Assert.Equal(CertificateFile("stray.pem"), error.Path);
        Assert.Contains("2 hard links", error.Message);
        _outside.AssertUnchanged();
    }
}
