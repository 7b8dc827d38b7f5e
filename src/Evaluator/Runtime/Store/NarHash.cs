using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Evaluator.Runtime.Store;

/// <summary>SHA-256 of the NAR serialisation of a store object: what decides the path of a source added recursively.</summary>
public static class NarHash
{
    public static byte[] Of(StoreObject root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        WriteString(hash, "nix-archive-1");
        Serialize(hash, root);
        return hash.GetHashAndReset();
    }

    private static void Serialize(IncrementalHash hash, StoreObject node)
    {
        WriteString(hash, "(");
        WriteString(hash, "type");
        switch (node)
        {
            case StoreSymlink link:
                WriteString(hash, "symlink");
                WriteString(hash, "target"); WriteString(hash, link.Target);
                break;
            case StoreDirectory directory:
                WriteString(hash, "directory");
                foreach (var (name, child) in directory.Entries)
                {
                    WriteString(hash, "entry"); WriteString(hash, "(");
                    WriteString(hash, "name"); WriteString(hash, name);
                    WriteString(hash, "node");
                    Serialize(hash, child);
                    WriteString(hash, ")");
                }
                break;
            case StoreFile file:
                WriteString(hash, "regular");
                if (file.Executable)
                {
                    WriteString(hash, "executable"); WriteString(hash, "");
                }
                WriteString(hash, "contents");
                WriteBytes(hash, file.Contents);
                break;
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
}
