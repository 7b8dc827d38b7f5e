namespace ConfigLang.Acme.Cluster;

/// <summary>
/// The format of <c>security.acme.cluster.encryptionKeyFile</c>: the base64 of exactly 32 bytes
/// (an AES-256 key), surrounding whitespace (a trailing newline) allowed. One definition for
/// lint, which judges the file where it can read it, and the store, which uses the key.
/// </summary>
public static class ClusterEncryptionKey
{
    /// <summary>Bytes of an AES-256 key.</summary>
    public const int Length = 32;

    /// <summary>The key in <paramref name="fileContent"/>, or null when it is not the base64 of exactly <see cref="Length"/> bytes.</summary>
    public static byte[]? TryParse(ReadOnlySpan<byte> fileContent)
    {
        var text = System.Text.Encoding.ASCII.GetString(fileContent.Trim(" \t\r\n"u8));
        // Base64 of 32 bytes is 44 characters; anything longer cannot be a key (and is not decoded).
        if (text.Length != 44) return null;
        var key = new byte[Length];
        return Convert.TryFromBase64String(text, key, out var written) && written == Length ? key : null;
    }
}
