using System.Runtime.Versioning;
using System.Security.Cryptography;

using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class AccountStoreTests : IDisposable
{
    private readonly TempRoot _root = new();
    private readonly AccountSpec _account = new(null, KeyType.Ec256, "hostmaster@example.test");

    public void Dispose() => _root.Dispose();

    private static string NewKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    [Fact]
    public void Account_lives_in_the_nixos_hash_directory_owner_only()
    {
        var store = new AccountStore(_root.Path);
        var key = NewKey();

        store.SaveKey(_account, key);

        var directory = _root.File_("var", "lib", "acme", ".accounts", "1ccf607d9aa280e9af00");
        Assert.Equal(directory, store.DirectoryFor(_account));
        Assert.Equal(key + "\n", store.ReadKey(_account));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "key.pem")));
        var ownerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(directory));
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(_root.File_("var", "lib", "acme", ".accounts")));
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("acme", new FileOwnership(_root.Path).Get(Path.Combine(directory, "key.pem")).User);
        }
    }

    [Fact]
    public void An_account_key_is_never_replaced()
    {
        var store = new AccountStore(_root.Path);
        var first = NewKey();
        store.SaveKey(_account, first);

        var error = Assert.Throws<IOException>(() => store.SaveKey(_account, NewKey()));

        Assert.Contains("never replaced", error.Message);
        Assert.Equal(first + "\n", store.ReadKey(_account));
    }

    [Fact]
    public void A_clusters_key_replaces_the_hosts_own_which_is_kept_aside_with_its_registration()
    {
        var store = new AccountStore(_root.Path);
        var own = NewKey();
        var shared = NewKey();
        store.SaveKey(_account, own);
        store.SaveAccountUrl(_account, "https://acme.test/acct/own");
        var directory = store.DirectoryFor(_account);
        var at = new DateTimeOffset(2026, 12, 7, 8, 30, 5, TimeSpan.Zero);

        var kept = store.ReplaceKeyWithClusters(_account, shared, at);

        Assert.Equal(Path.Combine(directory, "key.pem.before-cluster-20261207T083005Z"), kept);
        Assert.Equal(own + "\n", File.ReadAllText(kept));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));
        Assert.Equal(shared + "\n", store.ReadKey(_account));
        Assert.Contains("url=https://acme.test/acct/own", File.ReadAllText(Path.Combine(directory, "account.txt.before-cluster-20261207T083005Z")));
        // The registration named the old account: the next registration records the cluster's.
        Assert.Null(store.ReadAccountUrl(_account));

        // Replaced again in the same second (a run killed after keeping aside): nothing kept earlier is overwritten.
        var again = store.ReplaceKeyWithClusters(_account, NewKey(), at);
        Assert.Equal(kept + "-2", again);
        Assert.Equal(own + "\n", File.ReadAllText(kept));
        Assert.Equal(shared + "\n", File.ReadAllText(again));
    }

    [Fact]
    public void Server_key_type_and_email_each_make_a_separate_account()
    {
        var store = new AccountStore(_root.Path);
        store.SaveKey(_account, NewKey());

        Assert.Null(store.ReadKey(_account with { Email = "other@example.test" }));
        Assert.Null(store.ReadKey(_account with { KeyType = KeyType.Rsa2048 }));
        Assert.Null(store.ReadKey(_account with { Server = "https://acme.test/dir" }));
    }

    [Fact]
    public void Account_url_is_recorded_and_replaced()
    {
        var store = new AccountStore(_root.Path);
        Assert.Null(store.ReadAccountUrl(_account));

        store.SaveAccountUrl(_account, "https://acme.test/acct/1");
        store.SaveAccountUrl(_account, "https://acme.test/acct/2");

        Assert.Equal("https://acme.test/acct/2", store.ReadAccountUrl(_account));
        var record = File.ReadAllText(Path.Combine(store.DirectoryFor(_account), "account.txt"));
        Assert.Contains("email=hostmaster@example.test\n", record);
        Assert.Contains("keyType=ec256\n", record);
    }
}
