using System.Text;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A hash written as Nix writes hashes: SRI (<c>sha256-BASE64</c>), <c>ALGO:BODY</c> or a bare
/// body, the body in base16, Nix's base-32 or base64 (told apart by length), and back.
/// </summary>
internal static class HashText
{
    public static int DigestSize(string algorithm) => algorithm switch
    {
        "md5" => 16,
        "sha1" => 20,
        "sha256" => 32,
        "sha512" => 64,
        _ => -1,
    };

    /// <summary>The digest and its algorithm; <paramref name="algorithm"/> is needed unless the text names one.</summary>
    public static (string Algorithm, byte[] Digest) Parse(string text, string? algorithm, SourceLocation? site)
    {
        var body = text;
        var dash = text.IndexOf('-');
        var colon = text.IndexOf(':');
        var isSri = false;
        if (colon >= 0)
        {
            algorithm = CheckAlgorithm(text[..colon], algorithm, text, site);
            body = text[(colon + 1)..];
        }
        else if (dash >= 0)
        {
            algorithm = CheckAlgorithm(text[..dash], algorithm, text, site);
            body = text[(dash + 1)..];
            isSri = true;
        }
        if (algorithm is null) throw Error($"hash '{text}' does not include a type, nor is the type otherwise known from context", site);
        var size = DigestSize(algorithm);
        if (size < 0) throw Error($"unknown hash algorithm '{algorithm}', expect 'md5', 'sha1', 'sha256', or 'sha512'", site);
        byte[]? digest = null;
        if (isSri) digest = FromBase64(body, size);
        else if (body.Length == size * 2) digest = FromBase16(body);
        else if (body.Length == (size * 8 - 1) / 5 + 1) digest = FromNix32(body, size);
        else if (body.Length == (size + 2) / 3 * 4) digest = FromBase64(body, size);
        return digest is null
            ? throw Error($"hash '{text}' has wrong length for hash type '{algorithm}'", site)
            : (algorithm, digest);
    }

    public static string Format(string algorithm, byte[] digest, string format) => format switch
    {
        "base16" => Convert.ToHexStringLower(digest),
        "nix32" => StorePaths.ToBase32(digest),
        "base64" => Convert.ToBase64String(digest),
        _ => algorithm + "-" + Convert.ToBase64String(digest),
    };

    private static string CheckAlgorithm(string named, string? given, string text, SourceLocation? site) =>
        given is null || given == named ? named : throw Error($"hash '{text}' should have type '{given}'", site);

    private static byte[]? FromBase16(string body)
    {
        try { return Convert.FromHexString(body); }
        catch (FormatException) { return null; }
    }

    private static byte[]? FromBase64(string body, int size)
    {
        var buffer = new byte[body.Length];
        return Convert.TryFromBase64String(body, buffer, out var written) && written == size ? buffer[..written] : null;
    }

    /// <summary>The inverse of <see cref="StorePaths.ToBase32"/>: the last character holds the lowest bits.</summary>
    private static byte[]? FromNix32(string body, int size)
    {
        var digest = new byte[size];
        for (var n = 0; n < body.Length; n++)
        {
            var digit = StorePaths.Base32Chars.IndexOf(body[body.Length - 1 - n]);
            if (digit < 0) return null;
            var b = n * 5;
            var i = b / 8;
            var j = b % 8;
            digest[i] |= (byte)(digit << j);
            var carry = digit >> (8 - j);
            if (i + 1 < size) digest[i + 1] |= (byte)carry;
            else if (carry != 0) return null;
        }
        return digest;
    }

    private static EvaluationException Error(string message, SourceLocation? site) =>
        EvaluationException.Create(EvaluationDiagnostics.BadArguments, message, site);
}
