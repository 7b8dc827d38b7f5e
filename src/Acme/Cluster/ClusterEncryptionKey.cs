using System.Security.Cryptography;
using System.Text;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// The cluster's shared AES-256-GCM key (<c>encryptionKeyFile</c>): private keys leave the process
/// only sealed with it. A sealed value is <c>version (1) | nonce (12) | tag (16) | ciphertext</c>,
/// with a fresh random nonce each time and the owner of the key (certificate name or account
/// hash) bound as associated data, so a value copied to another name does not open.
/// <see cref="Problem"/> judges a key file's text for lint, in the same words.
/// </summary>
public sealed class ClusterEncryptionKey : IDisposable
{
    public const int KeySize = 32;
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;
    private const int ENoEnt = 2;

    private readonly AesGcm _aes;
    // AesGcm is not safe for concurrent use (one cipher context), and a run orders several certificates at once.
    private readonly Lock _gate = new();

    private ClusterEncryptionKey(byte[] key, string file)
    {
        _aes = new AesGcm(key, TagSize);
        File = file;
    }

    /// <summary>The key file as messages name it (below the root).</summary>
    public string File { get; }

    /// <summary>
    /// Reads the key file below the root (symlinks resolved inside the root only). Missing,
    /// unreadable or malformed files are a <see cref="ClusterException"/> naming the file and the
    /// problem, never its content.
    /// </summary>
    public static ClusterEncryptionKey Load(RootedFileSystem root, string hostPath)
    {
        var file = root.FullPath(hostPath);
        string text;
        try
        {
            text = root.ReadConfiguredFile(hostPath);
        }
        catch (IOException e) when (e.HResult == ENoEnt)
        {
            throw new ClusterException($"the cluster's encryption key file {file} does not exist: every host of the cluster needs the same {KeySize}-byte key there, base64 (e.g. from `head -c {KeySize} /dev/urandom | base64`)");
        }
        catch (Exception e) when (e is IOException or UnsafePathException or UnauthorizedAccessException)
        {
            throw new ClusterException($"the cluster's encryption key file {file} cannot be read: {e.Message}", e);
        }

        var buffer = Decode(text, out var problem);
        try
        {
            if (problem is not null) throw new ClusterException($"the cluster's encryption key file {file} {problem}");
            return new ClusterEncryptionKey(buffer[..KeySize], file);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// What is wrong with the text of a key file (completing "the file ..."), or null when it
    /// holds a key; never quotes the text. Lint judges a file it can read with it.
    /// </summary>
    public static string? Problem(string text)
    {
        var buffer = Decode(text, out var problem);
        CryptographicOperations.ZeroMemory(buffer);
        return problem;
    }

    /// <summary>The decoded bytes (to be zeroed by the caller) and the problem, null when they are a key.</summary>
    private static byte[] Decode(string text, out string? problem)
    {
        var trimmed = text.Trim();
        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        problem = trimmed.Length == 0 ? $"is empty: it must hold a {KeySize}-byte key, base64"
            : !Convert.TryFromBase64String(trimmed, buffer, out var length) ? $"does not hold base64 text: it must hold a {KeySize}-byte key, base64"
            : length != KeySize ? $"holds a {length}-byte key; AES-256 needs {KeySize} bytes (base64)"
            : null;
        return buffer;
    }

    /// <summary>Seals <paramref name="plaintext"/> for <paramref name="owner"/> (the associated data).</summary>
    public byte[] Seal(string plaintext, string owner)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            var sealedValue = new byte[HeaderSize + clear.Length];
            sealedValue[0] = FormatVersion;
            var nonce = sealedValue.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            lock (_gate) _aes.Encrypt(nonce, clear, sealedValue.AsSpan(HeaderSize), sealedValue.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(owner));
            return sealedValue;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>
    /// Opens a value sealed for <paramref name="owner"/>; <paramref name="what"/> names it in the
    /// message when the value does not open (another key, or not ConfigLang's format).
    /// </summary>
    public string Open(ReadOnlySpan<byte> sealedValue, string owner, string what)
    {
        if (sealedValue.Length < HeaderSize || sealedValue[0] != FormatVersion)
            throw new ClusterException($"the stored key for {what} is not in ConfigLang's sealed format (version {FormatVersion}); it was not written by this version of ConfigLang");
        var clear = new byte[sealedValue.Length - HeaderSize];
        try
        {
            lock (_gate) _aes.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue[HeaderSize..], sealedValue.Slice(1 + NonceSize, TagSize), clear, Encoding.UTF8.GetBytes(owner));
            return Encoding.UTF8.GetString(clear);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ClusterException($"the stored key for {what} cannot be decrypted with the key in {File}: the hosts use different encryption keys (the stored value is left as it is)", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    public void Dispose()
    {
        lock (_gate) _aes.Dispose();
    }
}
