namespace ConfigLang.Modules.Build;

/// <summary>
/// A 64-bit fingerprint of a stream of bytes, to name a version of the embedded library: FNV-1a
/// over little-endian 8-byte words (the last word zero-padded), so however the stream is cut into
/// pieces the result is the same. Not a cryptographic hash, and no need for one: it tells our own
/// versions apart, while trust in a folder comes from its owner and mode (<c>PrivateFolder</c>).
/// Only the build computes it (<c>LibraryFingerprintTask</c> below, this file compiled as an MSBuild
/// task), so a run reads no resource to name the folder and the assembly carries none of this;
/// the Modules tests compile this file too (without the task) to check the folder's name.
/// </summary>
internal struct ContentFingerprint()
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private ulong _hash = OffsetBasis;
    private ulong _pending;
    private int _pendingBytes;

    // Arrays, not spans: the build compiles this file against netstandard 2.0, which has no spans.
    public void Append(byte[] bytes) => Append(bytes, 0, bytes.Length);

    public void Append(byte[] bytes, int start, int count)
    {
        var end = start + count;
        var at = start;
        while (_pendingBytes != 0 && at < end) TakeByte(bytes[at++]);
        var hash = _hash;
        for (; end - at >= 8; at += 8)
        {
            ulong word = 0;
            for (var i = 7; i >= 0; i--) word = (word << 8) | bytes[at + i];
            hash = (hash ^ word) * Prime;
        }
        _hash = hash;
        while (at < end) TakeByte(bytes[at++]);
    }

    private void TakeByte(byte value)
    {
        _pending |= (ulong)value << (8 * _pendingBytes);
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

#if !CONTENT_FINGERPRINT_ONLY
/// <summary>
/// Build step (RoslynCodeTaskFactory compiles this file; the tests leave this class out):
/// the fingerprint of the library as <c>LibraryFiles</c> unpacks it, each file's unpacked
/// path (its resource name after <see cref="ResourcePrefix"/>, UTF-8) then its bytes, in
/// ordinal order of the paths.
/// </summary>
public sealed class LibraryFingerprintTask : Microsoft.Build.Utilities.Task
{
    /// <summary>The embedded resources; those whose <c>LogicalName</c> starts with the prefix are the library.</summary>
    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = [];

    [Microsoft.Build.Framework.Required]
    public string ResourcePrefix { get; set; } = "";

    [Microsoft.Build.Framework.Output]
    public string Fingerprint { get; set; } = "";

    public override bool Execute()
    {
        var library = new System.Collections.Generic.List<(string Path, string File)>();
        foreach (var file in Files)
        {
            var name = file.GetMetadata("LogicalName");
            // LibraryFiles reads the same names, with the same separator.
            if (name.StartsWith(ResourcePrefix, System.StringComparison.Ordinal))
                library.Add((name.Substring(ResourcePrefix.Length).Replace('\\', '/'), file.GetMetadata("FullPath")));
        }
        library.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var fingerprint = new ContentFingerprint();
        foreach (var (path, file) in library)
        {
            fingerprint.Append(System.Text.Encoding.UTF8.GetBytes(path));
            fingerprint.Append(System.IO.File.ReadAllBytes(file));
        }
        Fingerprint = fingerprint.Hex;
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"{library.Count} library files, fingerprint {Fingerprint}");
        if (library.Count > 0) return true;
        Log.LogError($"no embedded resource's name starts with {ResourcePrefix}: the library would be empty");
        return false;
    }
}
#endif
