using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// flock takes an exclusive lock through a read-only descriptor, so a lock file any user can
/// open is a lock any user can hold for ever, and every rebuild and renew then stops with exit 3
/// until the certificates expire. The lock file is the effective user's, 0600, in a 0700 folder of
/// theirs; anything else there is refused, never deleted (deleting lets two runs in at once), and
/// the lock file of earlier versions, which others may hold open, is ignored.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildLockModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;
    private const UnixFileMode PublicDirectory = OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public void A_new_lock_file_is_0600_in_a_0700_folder_of_the_effective_user()
    {
        using var root = new TempRoot(withUsers: false);

        using (RebuildLock.Acquire(root.Path)) { }

        var path = RebuildLock.PathUnder(root.Path);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal((int)PosixAt.EffectiveUserId(), PosixAt.Stat(PosixAt.AtFdCwd, Path.GetDirectoryName(path)!, path)!.Uid);
    }

    [Fact]
    public void A_second_acquire_while_the_lock_is_held_is_refused()
    {
        using var root = new TempRoot(withUsers: false);
        using var held = RebuildLock.Acquire(root.Path);

        Assert.Throws<RebuildLockedException>(() => RebuildLock.Acquire(root.Path));
    }

    [Theory]
    [InlineData(0b110_100_100)]
    [InlineData(0b110_000_000)]
    public void The_lock_file_of_earlier_versions_is_ignored_even_while_someone_holds_it(int oldMode)
    {
        using var root = new TempRoot(withUsers: false);
        var old = Path.Combine(root.Path, "run", "configlang", "rebuild.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        File.WriteAllText(old, "1\n");
        File.SetUnixFileMode(old, (UnixFileMode)oldMode);
        // Another user's read-only descriptor on the old file, and their flock through it.
        using var theirs = File.OpenHandle(old, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.True(RootedDirectory.TryLock(theirs, old));
        var before = PosixAt.Stat(PosixAt.AtFdCwd, old, old)!;

        using var held = RebuildLock.Acquire(root.Path);

        Assert.NotEqual(old, held.Path);
        Assert.Equal(before, PosixAt.Stat(PosixAt.AtFdCwd, old, old));
        Assert.Throws<RebuildLockedException>(() => RebuildLock.Acquire(root.Path));
    }

    [Fact]
    public void A_lock_folder_others_can_enter_is_refused_and_left_as_it_is()
    {
        using var root = new TempRoot(withUsers: false);
        var folder = Path.GetDirectoryName(RebuildLock.PathUnder(root.Path))!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, PublicDirectory);

        var error = Assert.Throws<UnsafePathException>(() => RebuildLock.Acquire(root.Path));

        Assert.Equal(folder, error.Path);
        Assert.Contains("mode 0755", error.Message);
        Assert.Equal(PublicDirectory, File.GetUnixFileMode(folder));
        Assert.False(File.Exists(RebuildLock.PathUnder(root.Path)));
    }

    [Fact]
    public void A_lock_folder_owned_by_someone_else_is_refused()
    {
        using var root = new TempRoot(withUsers: false);
        var folder = Path.GetDirectoryName(RebuildLock.PathUnder(root.Path))!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, OwnerOnlyDirectory);
        using (var chown = System.Diagnostics.Process.Start("chown", [$"{OutsideTree.ForeignId}", folder])) chown.WaitForExit();
        Assert.Equal(OutsideTree.ForeignId, PosixAt.Stat(PosixAt.AtFdCwd, folder, folder)!.Uid);

        var error = Assert.Throws<UnsafePathException>(() => RebuildLock.Acquire(root.Path));

        Assert.Equal(folder, error.Path);
        Assert.Contains($"uid {OutsideTree.ForeignId}", error.Message);
    }

    [Fact]
    public void A_lock_file_others_could_open_is_refused_not_deleted()
    {
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.SetUnixFileMode(Path.GetDirectoryName(path)!, OwnerOnlyDirectory);
        File.WriteAllText(path, "1\n");
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = PosixAt.Stat(PosixAt.AtFdCwd, path, path)!.Identity;

        var error = Assert.Throws<UnsafePathException>(() => RebuildLock.Acquire(root.Path));

        Assert.Equal(path, error.Path);
        Assert.Equal(before, PosixAt.Stat(PosixAt.AtFdCwd, path, path)!.Identity);
    }

    [Fact]
    public void A_lock_file_with_another_hard_link_is_refused()
    {
        // A second name for the inode lets whoever can reach that name open the lock file. Unlike
        // SymlinksUnderRootTests' link to a foreign victim, this file is ours, 0600, in a 0700 folder:
        // every other check passes, so only the link count refuses it.
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.SetUnixFileMode(Path.GetDirectoryName(path)!, OwnerOnlyDirectory);
        File.WriteAllText(path, "1\n");
        File.SetUnixFileMode(path, OwnerOnly);
        using (var link = System.Diagnostics.Process.Start("ln", [path, Path.Combine(root.Path, "elsewhere")])) link.WaitForExit();
        Assert.Equal(2, PosixAt.Stat(PosixAt.AtFdCwd, path, path)!.Links);

        var error = Assert.Throws<UnsafePathException>(() => RebuildLock.Acquire(root.Path));

        Assert.Equal(path, error.Path);
        Assert.Contains("hard links", error.Message);
    }

    [Fact]
    public async Task A_fifo_where_the_lock_file_belongs_is_refused_without_being_opened()
    {
        // The folder is ours and 0700, but a FIFO or device there must still not be opened: opening one acts.
        using var root = new TempRoot(withUsers: false);
        var path = RebuildLock.PathUnder(root.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.SetUnixFileMode(Path.GetDirectoryName(path)!, OwnerOnlyDirectory);
        using var writer = new WaitingFifoWriter(path);

        var acquire = Task.Run(() => RebuildLock.Acquire(root.Path)).WaitAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => acquire);
        Assert.Equal(path, error.Path);
        writer.AssertNeverOpened();
    }
}
