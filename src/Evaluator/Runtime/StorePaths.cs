using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Store path arithmetic as Nix computes it, without a store: NAR serialisation and hashing,
/// Nix's base-32, and the <c>makeStorePath</c> fingerprint. Nothing is ever written.
/// </summary>
public static class StorePaths
{
    public const string StoreDirectory = "/nix/store";
    internal const string Base32Chars = "0123456789abcdfghijklmnpqrsvwxyz";

    /// <summary>SHA-256 of the NAR serialisation of a file, directory or symlink.</summary>
    public static byte[] NarHash(string path, Func<string, string, bool>? filter = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        WriteString(hash, "nix-archive-1");
        Serialize(hash, path, filter);
        return hash.GetHashAndReset();
    }

    private static string TypeOf(string path) =>
        new FileInfo(path).LinkTarget is not null ? "symlink" : Directory.Exists(path) ? "directory" : File.Exists(path) ? "regular" : "unknown";

    private static void Serialize(IncrementalHash hash, string path, Func<string, string, bool>? filter)
    {
        WriteString(hash, "(");
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            WriteString(hash, "type"); WriteString(hash, "symlink");
            WriteString(hash, "target"); WriteString(hash, target);
        }
        else if (Directory.Exists(path))
        {
            WriteString(hash, "type"); WriteString(hash, "directory");
            var entries = Directory.GetFileSystemEntries(path).Select(System.IO.Path.GetFileName).ToArray();
            Array.Sort(entries, string.CompareOrdinal);
            foreach (var entry in entries)
            {
                var child = System.IO.Path.Combine(path, entry!);
                if (filter is not null && !filter(child, TypeOf(child))) continue;
                WriteString(hash, "entry"); WriteString(hash, "(");
                WriteString(hash, "name"); WriteString(hash, entry!);
                WriteString(hash, "node");
                Serialize(hash, child, filter);
                WriteString(hash, ")");
            }
        }
        else
        {
            WriteString(hash, "type"); WriteString(hash, "regular");
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0)
            {
                WriteString(hash, "executable"); WriteString(hash, "");
            }
            WriteString(hash, "contents");
            WriteBytes(hash, File.ReadAllBytes(path));
        }
        WriteString(hash, ")");
    }

    private static void WriteString(IncrementalHash hash, string s) => WriteBytes(hash, Encoding.UTF8.GetBytes(s));

    private static void WriteBytes(IncrementalHash hash, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (ulong)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
        var padding = (8 - bytes.Length % 8) % 8;
        if (padding > 0) hash.AppendData(new byte[padding]);
    }

    /// <summary>The path of a source added recursively with SHA-256 (what <c>"${./file}"</c> gives).</summary>
    public static string SourcePath(string name, byte[] narHash) => MakeStorePath("source", narHash, name);

    /// <summary>Nix's <c>makeStorePath(type, hash, name)</c>.</summary>
    public static string MakeStorePath(string type, byte[] sha256, string name)
    {
        var fingerprint = $"{type}:sha256:{Convert.ToHexStringLower(sha256)}:{StoreDirectory}:{name}";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint));
        return $"{StoreDirectory}/{ToBase32(Compress(digest, 20))}-{name}";
    }

    /// <summary>Folds a hash to <paramref name="size"/> bytes by XOR, as Nix's <c>compressHash</c>.</summary>
    public static byte[] Compress(byte[] hash, int size)
    {
        var result = new byte[size];
        for (var i = 0; i < hash.Length; i++) result[i % size] ^= hash[i];
        return result;
    }

    /// <summary>Nix's base-32 (its own alphabet and bit order).</summary>
    public static string ToBase32(byte[] hash)
    {
        var length = (hash.Length * 8 - 1) / 5 + 1;
        var builder = new StringBuilder(length);
        for (var n = length - 1; n >= 0; n--)
        {
            var b = n * 5;
            var i = b / 8;
            var j = b % 8;
            var c = (hash[i] >> j) | (i >= hash.Length - 1 ? 0 : hash[i + 1] << (8 - j));
            builder.Append(Base32Chars[c & 0x1f]);
        }
        return builder.ToString();
    }
}
