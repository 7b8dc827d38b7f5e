namespace ConfigLang.Modules.Lib;

/// <summary>
/// A 64-bit FNV-1a fingerprint of a stream of bytes, to name a version of the embedded library.
/// Not a cryptographic hash, and no need for one: it tells our own versions apart, while trust in
/// a folder comes from its owner and mode (<see cref="PrivateFolder"/>). Computing it loads no
/// cryptography library, which a SHA-256 here did on every run (OpenSSL's start-up, ~2 ms).
/// </summary>
internal struct ContentFingerprint()
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private ulong _hash = OffsetBasis;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var hash = _hash;
        foreach (var b in bytes) hash = (hash ^ b) * Prime;
        _hash = hash;
    }

    /// <summary>Sixteen lower-case hex digits.</summary>
    public readonly string Hex => _hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
