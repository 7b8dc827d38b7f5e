using System.Text;

using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// ACME accounts on disk: one directory per (server, key type, email) under
/// <c>&lt;root&gt;/var/lib/acme/.accounts/&lt;accountHash&gt;/</c> (NixOS's hash, so a change of any of
/// the three means a new account), directories 0700 and files 0600 owned by the ACME user.
/// Holds <c>key.pem</c> (the account key) and <c>account.txt</c> (server, email, key type and
/// the account URL once registered). An account key is written once and never overwritten: only
/// a cluster's shared key replaces it, and the replaced one is kept beside it.
/// </summary>
public sealed class AccountStore
{
    /// <summary>The account private key.</summary>
    public const string KeyFile = "key.pem";

    /// <summary>What the account is and where the CA keeps it.</summary>
    public const string RegistrationFile = "account.txt";

    private readonly StateLayout _layout;
    private readonly RootedFileSystem _root;
    private readonly FileOwnership _ownership;
    private readonly string _owner;

    /// <summary>The accounts below <paramref name="root"/>, owned by <paramref name="owner"/> (acme, or root with useRoot).</summary>
    public AccountStore(string root, string owner = "acme", FileOwnership? ownership = null)
    {
        _layout = new StateLayout(root);
        _root = new RootedFileSystem(_layout.Root);
        _ownership = ownership ?? new FileOwnership(_layout.Root);
        _owner = owner;
    }

    /// <summary>The directory of an account.</summary>
    public string DirectoryFor(AccountSpec account) => Path.Combine(_layout.AccountsDirectory, account.Hash);

    /// <summary>The account key PEM, or null when the account has none yet.</summary>
    public string? ReadKey(AccountSpec account) => _root.TryReadAllText(HostDirectoryFor(account) + "/" + KeyFile);

    /// <summary>Where an account's key file is, for messages.</summary>
    public string KeyPathFor(AccountSpec account) => _root.FullPath(HostDirectoryFor(account) + "/" + KeyFile);

    /// <summary>
    /// Stores a new account key. Refuses to replace an existing one: losing an account key
    /// loses the account, so a second key is a bug in the caller, not something to paper over.
    /// </summary>
    public void SaveKey(AccountSpec account, string keyPem)
    {
        using var directory = EnsureDirectory(account);
        if (directory.FileExists(KeyFile))
        {
            throw new IOException($"account {account.Hash} already has a key; account keys are never replaced");
        }
        using var transaction = new FileTransaction(directory, _ownership);
        transaction.StageFile(KeyFile, Encoding.UTF8.GetBytes(CertificateMaterial.EndLine(keyPem)), UnixModes.OwnerReadWrite, _owner, group: null);
        transaction.Commit();
    }

    /// <summary>Suffix label of an account's own key and registration kept aside when a cluster's key replaced them.</summary>
    public const string KeptForClusterLabel = "before-cluster";

    /// <summary>
    /// Replaces this host's account key with the one its cluster shares (one account for the
    /// fleet). The replaced key and its registration stay beside them as
    /// <c>key.pem.before-cluster-YYYYMMDDTHHMMSSZ</c> and <c>account.txt.before-cluster-…</c>
    /// (hard links: owner and mode 0600 kept), never deleted, so the account they opened can still
    /// be used by hand (to deactivate it, or revoke what it ordered). The registration goes: it
    /// named the old account, and the next registration records the cluster's. Returns the full
    /// path of the kept key.
    /// </summary>
    public string ReplaceKeyWithClusters(AccountSpec account, string keyPem, DateTimeOffset at)
    {
        using var directory = EnsureDirectory(account);
        if (!directory.FileExists(KeyFile)) throw new InvalidOperationException($"account {account.Hash} has no key to replace");
        // Kept first: a run killed at any point leaves the old key in one of the two names at least.
        var keptKey = KeptAside.Link(directory, KeyFile, KeptForClusterLabel, at);
        if (directory.FileExists(RegistrationFile)) KeptAside.Link(directory, RegistrationFile, KeptForClusterLabel, at);
        using (var transaction = new FileTransaction(directory, _ownership))
        {
            transaction.StageFile(KeyFile, Encoding.UTF8.GetBytes(CertificateMaterial.EndLine(keyPem)), UnixModes.OwnerReadWrite, _owner, group: null);
            transaction.Commit();
        }
        directory.Delete(RegistrationFile);
        return directory.PathOf(keptKey);
    }

    /// <summary>The account URL the CA gave at registration, or null.</summary>
    public string? ReadAccountUrl(AccountSpec account)
    {
        if (_root.TryReadAllText(HostDirectoryFor(account) + "/" + RegistrationFile) is not { } text) return null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("url=", StringComparison.Ordinal)) return line[4..];
        }
        return null;
    }

    /// <summary>Records the account URL (atomically replacing any earlier record).</summary>
    public void SaveAccountUrl(AccountSpec account, string url)
    {
        using var directory = EnsureDirectory(account);
        var text = $"server={account.Server ?? ""}\nkeyType={KeyTypes.Format(account.KeyType)}\nemail={account.Email ?? ""}\nurl={url}\n";
        using var transaction = new FileTransaction(directory, _ownership);
        transaction.StageFile(RegistrationFile, Encoding.UTF8.GetBytes(text), UnixModes.OwnerReadWrite, _owner, group: null);
        transaction.Commit();
    }

    private static string HostDirectoryFor(AccountSpec account) => StateLayout.HostAccountsDirectory + "/" + account.Hash;

    private RootedDirectory EnsureDirectory(AccountSpec account)
    {
        using (var state = _root.CreateDirectory(StateLayout.HostStateDirectory, UnixModes.PublicDirectory))
        {
            _ownership.Set(state, _owner, CertificateStore.PrimaryGroupOf(_owner));
        }
        using var accounts = _root.CreateDirectory(StateLayout.HostAccountsDirectory, UnixModes.OwnerDirectory);
        var directory = accounts.CreateDirectory(account.Hash, UnixModes.OwnerDirectory);
        try
        {
            // NixOS leaves the group of account data alone (u=rwX,g=,o=).
            _ownership.Set(accounts, _owner, group: null);
            _ownership.Set(directory, _owner, group: null);
            return directory;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }
}
