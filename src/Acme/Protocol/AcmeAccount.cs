using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// An ACME account: its key and, once registered, its URL (the JWS <c>kid</c>). The key is kept
/// as PEM; the URL need not be stored because <c>newAccount</c> with a known key returns it again.
/// </summary>
public sealed class AcmeAccount : IDisposable
{
    public AcmeAccount(AccountKey key, Uri? location = null)
    {
        Key = key;
        Location = location;
    }

    public AccountKey Key { get; }

    /// <summary>The account URL; null until registered or looked up.</summary>
    public Uri? Location { get; internal set; }

    /// <summary>The account object from the last registration or lookup.</summary>
    public Resources.AcmeAccountResource? Resource { get; internal set; }

    public static AcmeAccount Generate(AccountKeyAlgorithm algorithm = AccountKeyAlgorithm.ES256) => new(AccountKey.Generate(algorithm));

    public static AcmeAccount FromPem(string pem, Uri? location = null) => new(AccountKey.FromPem(pem), location);

    /// <summary>Reads the key from a PEM file.</summary>
    public static AcmeAccount Load(string path) => FromPem(File.ReadAllText(path));

    /// <summary>Loads the key at <paramref name="path"/> or creates one there (mode 0600).</summary>
    public static AcmeAccount LoadOrCreate(string path, AccountKeyAlgorithm algorithm = AccountKeyAlgorithm.ES256)
    {
        if (File.Exists(path)) return Load(path);
        var account = Generate(algorithm);
        account.Save(path);
        return account;
    }

    /// <summary>Writes the key as PKCS#8 PEM, readable by the owner only.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(Key.ExportPem());
        writer.Write('\n');
    }

    public void Dispose() => Key.Dispose();
}
