using ConfigLang.Acme.Execution;
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
}
