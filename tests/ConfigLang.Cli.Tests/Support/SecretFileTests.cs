using ConfigLang.Cli.Tests.Support;

namespace ConfigLang.Cli.Tests;

/// <summary>The secrets the CLI tests hand a host are written as a careful host writes them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretFileTests
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public void The_file_is_closed_to_group_and_others_from_its_creation_whatever_the_umask()
    {
        using var folder = new ScratchFolder("secret-file-");
        var path = Path.Combine(folder.Path, "cluster.key");

        // Still open and empty: a mode narrowed after creation would not be in place yet. Any umask
        // only takes bits away, so no group or other bit holds whatever the umask is.
        using var created = SecretFile.CreateOwnerOnly(path);

        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path) & GroupOrOthers);
    }

    [Fact]
    public void A_symlink_at_the_file_is_replaced_and_what_it_points_to_left_alone()
    {
        using var folder = new ScratchFolder("secret-file-");
        var elsewhere = folder.Write("elsewhere.txt", "someone else's\n");
        File.SetUnixFileMode(elsewhere, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var secrets = Directory.CreateDirectory(Path.Combine(folder.Path, "secrets")).FullName;
        var file = Path.Combine(secrets, "inwx.env");
        File.CreateSymbolicLink(file, elsewhere);

        SecretFile.Write(file, "INWX_PASSWORD=pw\n");

        Assert.Equal("someone else's\n", File.ReadAllText(elsewhere));
        Assert.Null(new FileInfo(file).LinkTarget);
        Assert.Equal("INWX_PASSWORD=pw\n", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        // Written beside it and renamed: nothing else is left in the folder.
        Assert.Equal([file], Directory.GetFileSystemEntries(secrets));
    }
}
