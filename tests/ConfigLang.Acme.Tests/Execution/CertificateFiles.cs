using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>Checks of a certificate directory against NixOS's modes and owners (fact sheet §2.3).</summary>
internal static class CertificateFiles
{
    public static void AssertNixOsModes(string root, string name, string owner, string group)
    {
        var directory = new StateLayout(root).CertificateDirectory(name);
        var ownership = new FileOwnership(root);
        Assert.Equal(UnixModes.GroupDirectory, UnixModes.Get(directory));
        AssertOwner(ownership, directory, owner, group);
        foreach (var file in new[] { StateLayout.KeyFile, StateLayout.FullChainFile, StateLayout.ChainFile, StateLayout.FullFile })
        {
            var path = Path.Combine(directory, file);
            Assert.Equal(UnixModes.GroupReadable, UnixModes.Get(path));
            AssertOwner(ownership, path, owner, group);
        }
    }

    /// <summary>A webroot's <c>.well-known/acme-challenge</c> as NixOS's acme unit leaves it: 0755, the certificate's owner and group.</summary>
    public static void AssertChallengeDirectory(string root, string webroot, string owner, string group)
    {
        var directory = Path.Combine(webroot, ".well-known", "acme-challenge");
        Assert.Equal(UnixModes.PublicDirectory, UnixModes.Get(directory));
        AssertOwner(new FileOwnership(root), directory, owner, group);
    }

    private static void AssertOwner(FileOwnership ownership, string path, string owner, string group)
    {
        // Only root can give files away; a non-root run checks modes alone (the store records the intent).
        if (Environment.IsPrivilegedProcess) Assert.Equal((owner, group), ownership.Get(path));
    }
}
