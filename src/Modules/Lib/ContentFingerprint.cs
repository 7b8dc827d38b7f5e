using System.Buffers.Binary;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// A 64-bit fingerprint of a stream of bytes, to name a version of the embedded library: FNV-1a
/// over little-endian 8-byte words (the last word zero-padded), so however the stream is cut into
/// pieces the result is the same. Not a cryptographic hash, and no need for one: it tells our own
/// versions apart, while trust in a folder comes from its owner and mode (<see cref="PrivateFolder"/>).
/// It loads no cryptography library, as the SHA-256 here did on every run (OpenSSL's start-up, ~2 ms).
/// </summary>
internal struct ContentFingerprint()
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private ulong _hash = OffsetBasis;
    private ulong _pending;
    private int _pendingBytes;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (_pendingBytes != 0 && !bytes.IsEmpty) TakeByte(ref bytes);
        var hash = _hash;
        for (; bytes.Length >= 8; bytes = bytes[8..]) hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Prime;
        _hash = hash;
        while (!bytes.IsEmpty) TakeByte(ref bytes);
    }

    private void TakeByte(ref ReadOnlySpan<byte> bytes)
    {
        _pending |= (ulong)bytes[0] << (8 * _pendingBytes);
        bytes = bytes[1..];
        if (++_pendingBytes < 8) return;
        _hash = (_hash ^ _pending) * Prime;
        _pending = 0;
        _pendingBytes = 0;
    }

    /// <summary>Sixteen lower-case hex digits.</summary>
    public readonly string Hex
    {
        get
        {
            var hash = _pendingBytes == 0 ? _hash : (_hash ^ _pending) * Prime;
            return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
