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
            return StringValue.Of(Hash(algorithm, ByteText.ToBytes(text)));
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
            return StringValue.Of(Hash(algorithm, bytes));
        });
    }

    /// <summary>The digest in lowercase hex, by an algorithm <see cref="CheckAlgorithm"/> accepted.</summary>
    private static string Hash(string algorithm, byte[] data) => Convert.ToHexStringLower(algorithm switch
    {
        "md5" => MD5.HashData(data),
        "sha1" => SHA1.HashData(data),
        "sha256" => SHA256.HashData(data),
        _ => SHA512.HashData(data),
    });

    /// <summary>The algorithm, checked before the other argument is read, as Nix 2.8 does.</summary>
    private static string CheckAlgorithm(string algorithm, SourceLocation? site) =>
        HashText.DigestSize(algorithm) >= 0 ? algorithm : throw UnknownAlgorithm(algorithm, site);

    /// <summary>Nix 2.8's parseHashType raises a usage error: no position (lint keeps the call's).</summary>
    private static EvaluationException UnknownAlgorithm(string algorithm, SourceLocation? site) =>
        new EvaluationException(Diagnostic.Error(EvaluationDiagnostics.General, $"unknown hash algorithm '{algorithm}'", site)
            with { IsNixUsageError = true }).LocatedByNixAt(null);
}
