using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// Reads <c>--ca-file</c>, bounded, and says in one sentence what is wrong with a file that is no
/// PEM certificate: missing, a directory, no CERTIFICATE block (a key, a DER file), or a block that
/// does not decode. The file's content is never echoed: it may be a private key given by mistake.
/// </summary>
internal static class CaFileReader
{
    /// <summary>A CA bundle is a few hundred KiB at most; more is not a CA certificate.</summary>
    private const int MaxBytes = 4 << 20;

    private const string CertificateBlock = "-----BEGIN CERTIFICATE-----";

    /// <summary>The certificate, or null and <paramref name="error"/> (a sentence starting with the flag).</summary>
    public static X509Certificate2? TryLoad(string path, out string? error)
    {
        error = null;
        if (Directory.Exists(path))
        {
            error = $"--ca-file '{path}' is a directory; pass the CA certificate file in it (a PEM file such as pebble.minica.pem)";
            return null;
        }
        if (!File.Exists(path))
        {
            error = $"--ca-file '{path}' does not exist";
            return null;
        }
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
            var buffer = new byte[MaxBytes + 1];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (length > MaxBytes)
            {
                error = $"--ca-file '{path}' is larger than {MaxBytes >> 20} MiB, so it is no CA certificate; pass the CA's PEM certificate file";
                return null;
            }
            text = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--ca-file '{path}' cannot be read ({e.Message}); check that it is a readable file";
            return null;
        }
        if (!text.Contains(CertificateBlock, StringComparison.Ordinal))
        {
            error = $"--ca-file '{path}' is not a readable PEM certificate: it has no '{CertificateBlock}' line (a private key, a DER file or another file?); pass the CA's certificate in PEM form";
            return null;
        }
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException)
        {
            error = $"--ca-file '{path}' is not a readable PEM certificate: its CERTIFICATE block does not decode (damaged base64 or not a certificate); pass the CA's certificate file again";
            return null;
        }
    }
}
