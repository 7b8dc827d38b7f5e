using ConfigLang.Acme.Storage;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A credentials file (<c>environmentFile</c>, <c>credentialFiles.*</c>, <c>eab.hmacFile</c>) that
/// does not exist on the host preview, rebuild and renew look at (under <see cref="HostFacts.Root"/>,
/// read as rebuild reads it): the order would fail after the CA was contacted. Only for those
/// commands (<see cref="HostFacts.ReadsHostFiles"/>); lint, which CI runs without the secrets, is
/// silent. A file that exists but cannot be read here (root's, read by a user) says nothing.
/// </summary>
public sealed class CredentialFileMissingCheck : IHostCheck
{
    private const int NoSuchFile = 2; // ENOENT, as RootedFileSystem's errors carry it

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        if (!facts.ReadsHostFiles) yield break;
        var files = new RootedFileSystem(facts.Root);
        foreach (var cert in facts.Certs)
        {
            foreach (var (option, path) in CredentialsReadableByOthersCheck.CredentialFilesOf(cert))
            {
                if (!Path.IsPathRooted(path) || path.StartsWith("/nix/store/", StringComparison.Ordinal) || Exists(files, path)) continue;
                var subject = $"security.acme.certs.\"{cert.Name}\".{option}";
                var lookedAt = files.FullPath(path) == path ? "" : $" (looked for {files.FullPath(path)}, under --root)";
                yield return Diagnostic.Error(LintCodes.CredentialFileMissing,
                    $"`{subject}' is {path}, which does not exist on this host{lookedAt}",
                    facts.LocateCert(cert.Name, option))
                    .WithNote($"create {path} (readable by root only) before rebuild, or correct the path; lint does not report this, as CI runs without the secrets")
                    with { Subject = subject };
            }
        }
    }

    private static bool Exists(RootedFileSystem files, string path)
    {
        try
        {
            files.ReadConfiguredFile(path);
            return true;
        }
        catch (IOException e) when (e.HResult == NoSuchFile || e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
