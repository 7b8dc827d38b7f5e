using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// flock takes an exclusive lock through a read-only descriptor, so a lock file any user can
/// open is a lock any user can hold for ever, and every rebuild and renew then stops with exit 3
/// until the certificates expire. The lock file is root's alone, a 0644 one from before included.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildLockModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void A_new_lock_file_can_be_opened_by_its_owner_only()
    {
        using var root = new TempRoot(withUsers: false);

        using (RebuildLock.Acquire(root.Path)) { }

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(RebuildLock.PathUnder(root.Path)));
    }

    [Fact]
    public void A_lock_file_others_could_open_is_made_owner_only_before_it_is_locked()
    {
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "1\n");
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var held = RebuildLock.Acquire(root.Path);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_holder_that_opened_the_lock_file_while_others_could_cannot_block_a_rebuild()
    {
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "1\n");
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        // Another user's read-only descriptor, opened while the file was 0644, and their flock through it.
        using var theirs = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.True(RootedDirectory.TryLock(theirs, path));

        using var held = RebuildLock.Acquire(root.Path);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        // The new file is the one locked: a second run is kept out.
        Assert.Throws<RebuildLockedException>(() => RebuildLock.Acquire(root.Path));
    }

    [Fact]
    public void A_lock_file_owned_by_someone_else_is_replaced_by_one_of_our_own()
    {
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "1\n");
        File.SetUnixFileMode(path, OwnerOnly);
        using (var chown = System.Diagnostics.Process.Start("chown", [$"{OutsideTree.ForeignId}", path])) chown.WaitForExit();
        Assert.Equal(OutsideTree.ForeignId, PosixAt.Stat(PosixAt.AtFdCwd, path, path)!.Uid);

        using var held = RebuildLock.Acquire(root.Path);

        Assert.Equal((int)PosixAt.EffectiveUserId(), PosixAt.Stat(PosixAt.AtFdCwd, path, path)!.Uid);
    }
}
