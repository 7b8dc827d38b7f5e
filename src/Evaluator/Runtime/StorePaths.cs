using System.Security.Cryptography;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Store path arithmetic as Nix computes it: Nix's base-32 and the <c>makeStorePath</c>
/// fingerprint. What is at those paths is the evaluation's own store (<see cref="Store.EvaluationStore"/>).
/// </summary>
public static class StorePaths
{
    public const string StoreDirectory = "/nix/store";
    internal const string Base32Chars = "0123456789abcdfghijklmnpqrsvwxyz";

    /// <summary>The path of a source added recursively with SHA-256 (what <c>"${./file}"</c> gives).</summary>
    public static string SourcePath(string name, byte[] narHash) => MakeStorePath("source", narHash, name);

    /// <summary>Nix's <c>makeStorePath(type, hash, name)</c>.</summary>
    public static string MakeStorePath(string type, byte[] sha256, string name)
    {
        var baseName = BaseName(type, sha256, name);
        if (BadNameMessage(baseName, name) is { } message)
        {
            // Nix 2.8's BadStorePath carries no position (lint still gets the call's).
            throw EvaluationException.Create(EvaluationDiagnostics.General, message, null).LocatedByNixAt(null);
        }
        return $"{StoreDirectory}/{baseName}";
    }

    /// <summary>The last piece of <see cref="MakeStorePath"/>'s result: its hash, a dash and <paramref name="name"/>.</summary>
    internal static string BaseName(string type, byte[] sha256, string name)
    {
        var fingerprint = $"{type}:sha256:{Convert.ToHexStringLower(sha256)}:{StoreDirectory}:{name}";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint));
        return $"{ToBase32(Compress(digest, 20))}-{name}";
    }

    /// <summary>What is wrong with a store path's name under Nix 2.8's rule (one to 211 of
    /// <c>A-Za-z0-9+-._?=</c>, a leading dot allowed), so that no name reaches outside its store object.</summary>
    internal enum NameFault { None, Empty, TooLong, IllegalCharacter }

    /// <summary>Checks <paramref name="name"/> by Nix 2.8's rule; <paramref name="illegal"/> is the first
    /// character outside it (for <see cref="NameFault.IllegalCharacter"/>). Callers word the error: the store's
    /// words in <see cref="BadNameMessage"/>, derivationStrict's explanation of its name for lint.</summary>
    internal static NameFault FindNameFault(string name, out char illegal)
    {
        illegal = '\0';
        if (name.Length == 0) return NameFault.Empty;
        if (name.Length > 211) return NameFault.TooLong;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_' or '?' or '=') continue;
            illegal = c;
            return NameFault.IllegalCharacter;
        }
        return NameFault.None;
    }

    /// <summary>Nix 2.8's refusal of a name outside its rule (<c>toFile "a/b"</c> would name a path outside the
    /// store object), in its words, which quote the whole base name; null for a good name.</summary>
    internal static string? BadNameMessage(string baseName, string name)
    {
        var problem = FindNameFault(name, out var illegal) switch
        {
            NameFault.Empty => "has an empty name",
            NameFault.TooLong => "has a name longer than 211 characters",
            NameFault.IllegalCharacter => $"contains illegal character '{ByteText.ToUnicode(illegal.ToString())}'",
            _ => null,
        };
        return problem is null ? null : $"store path '{ByteText.ToUnicode(baseName)}' {problem}";
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
