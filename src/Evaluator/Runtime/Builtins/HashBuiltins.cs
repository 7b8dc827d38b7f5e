using System.Security.Cryptography;
using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>hashString</c> and <c>hashFile</c>: md5, sha1, sha256, sha512 in lowercase hex.</summary>
internal static class HashBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("hashString", 2, (i, a, s) =>
        {
            var algorithm = CheckAlgorithm(i.ForceStringNoContext(a[0], s), s);
            var text = i.ForceString(a[1], s).Text;
            return StringValue.Of(Hash(algorithm, ByteText.ToBytes(text), s));
        });
        r.Add("hashFile", 2, (i, a, s) =>
        {
            var algorithm = CheckAlgorithm(i.ForceStringNoContext(a[0], s), s);
            var path = i.CoerceToOpenablePath(a[1], s, "opening file");
            byte[] bytes;
            try
            {
                bytes = i.Files.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvaluationException.SystemError($"opening file '{path}': No such file or directory", s);
            }
            return StringValue.Of(Hash(algorithm, bytes, s));
        });
    }

    public static string Hash(string algorithm, byte[] data, SourceLocation? site) => algorithm switch
    {
        "md5" => Convert.ToHexStringLower(MD5.HashData(data)),
        "sha1" => Convert.ToHexStringLower(SHA1.HashData(data)),
        "sha256" => Convert.ToHexStringLower(SHA256.HashData(data)),
        "sha512" => Convert.ToHexStringLower(SHA512.HashData(data)),
        _ => throw UnknownAlgorithm(algorithm, site),
    };

    /// <summary>The algorithm, checked before the other argument is read, as Nix 2.8 does.</summary>
    private static string CheckAlgorithm(string algorithm, SourceLocation? site) =>
        algorithm is "md5" or "sha1" or "sha256" or "sha512" ? algorithm : throw UnknownAlgorithm(algorithm, site);

    /// <summary>Nix 2.8's parseHashType raises a usage error: no position (lint keeps the call's).</summary>
    private static EvaluationException UnknownAlgorithm(string algorithm, SourceLocation? site) =>
        new(Diagnostic.Error(EvaluationDiagnostics.General, $"unknown hash algorithm '{algorithm}'", site)
            with { NixPosition = new NixErrorPosition(null), IsNixUsageError = true });
}
