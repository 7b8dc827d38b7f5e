using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// A credential file a certificate names could not be read when its order needed it: says which
/// certificate's which option names it, where it was looked for, and why, instead of the file
/// system's bare "open …: No such file or directory".
/// </summary>
public sealed class CredentialFileException : AcmeException
{
    private const int NoSuchFile = 2; // ENOENT
    private const int PermissionDenied = 13; // EACCES

    private CredentialFileException(string message, Exception inner) : base(message, inner) { }

    /// <param name="certificate">The certificate's name.</param>
    /// <param name="option">The option below the certificate naming the file (<c>environmentFile</c>, <c>credentialFiles.NAME</c>).</param>
    /// <param name="hostPath">The path as configured.</param>
    /// <param name="fullPath">Where it was looked for (under --root).</param>
    /// <param name="error">The file system's error.</param>
    public static CredentialFileException From(string certificate, string option, string hostPath, string fullPath, Exception error)
    {
        var lookedAt = fullPath == hostPath ? "" : $" (looked for {fullPath})";
        var why = error switch
        {
            FileNotFoundException or DirectoryNotFoundException => "does not exist",
            IOException { HResult: NoSuchFile } => "does not exist",
            UnauthorizedAccessException or IOException { HResult: PermissionDenied } => "cannot be read by this user (permission denied)",
            _ => "cannot be read: " + error.Message,
        };
        return new CredentialFileException(
            $"security.acme.certs.\"{certificate}\".{option} is {hostPath}, which {why}{lookedAt}; create it with the DNS provider's variables or correct the path",
            error);
    }
}
