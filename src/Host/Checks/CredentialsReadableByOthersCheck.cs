using ConfigLang.Acme.Storage;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A credentials file (<c>environmentFile</c>, <c>credentialFiles.*</c>, <c>eab.hmacFile</c>)
/// that exists on the machine running lint and grants read access to "other" (following a
/// symbolic link to its target): every local account can read the DNS provider's or the CA's
/// secrets. Files that do not exist are not reported, as CI lints without the secrets; store
/// paths are <see cref="CredentialsInStoreCheck"/>'s. Paths are taken under
/// <see cref="HostFacts.Root"/> (rebuild's and preview's <c>--root</c>; <c>/</c> for lint), links
/// resolved inside it as rebuild resolves them.
/// </summary>
public sealed class CredentialsReadableByOthersCheck : IHostCheck
{
    private const string StorePrefix = "/nix/store/";

    private readonly Func<RootedFileSystem, string, EntryStatus?> _statusOf;

    public CredentialsReadableByOthersCheck() : this((files, path) => files.ConfiguredFileStatus(path)) { }

    /// <summary>For tests: how a configured file's status is found (as <see cref="RootedFileSystem.ConfiguredFileStatus"/>).</summary>
    internal CredentialsReadableByOthersCheck(Func<RootedFileSystem, string, EntryStatus?> statusOf) => _statusOf = statusOf;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var files = new RootedFileSystem(facts.Root);
        foreach (var cert in facts.Certs)
        {
            foreach (var (option, path) in CredentialFilesOf(cert))
            {
                if (path.StartsWith(StorePrefix, StringComparison.Ordinal) || !Path.IsPathRooted(path) || !facts.MayLookAt(path)) continue;
                var subject = $"security.acme.certs.\"{cert.Name}\".{option}";
                var (found, unavailable) = ModeOf(files, path, facts.Root);
                if (unavailable is not null)
                {
                    // Silence would read as "not readable by others": say the file was not judged.
                    yield return Diagnostic.Warning(LintCodes.CredentialsReadableByOthers,
                        $"could not check who can read `{subject}' ({path}): {unavailable.Message}",
                        facts.LocateCert(cert.Name, option)) with { Subject = subject };
                    continue;
                }
                if (found is not { } mode || (mode & UnixFileMode.OtherRead) == 0) continue;
                yield return Diagnostic.Error(LintCodes.CredentialsReadableByOthers,
                    $"`{subject}' is {path}, which every local user can read (mode {Octal(mode)})",
                    facts.LocateCert(cert.Name, option))
                    .WithNote($"make it readable by root only: chown root:root {path} && chmod 0600 {path} (systemd reads it as root before the ACME client starts)")
                    with { Subject = subject };
            }
        }
    }

    /// <summary>The credential files a certificate names, with the option (below the certificate) naming each.</summary>
    internal static IEnumerable<(string Option, string Path)> CredentialFilesOf(CertFacts cert)
    {
        if (cert.EnvironmentFile is { } env) yield return ("environmentFile", env);
        foreach (var (name, path) in cert.CredentialFiles.OrderBy(f => f.Key, StringComparer.Ordinal)) yield return ($"credentialFiles.{name}", path);
        if (cert.EabHmacFile is { } hmac) yield return ("eab.hmacFile", hmac);
    }

    /// <summary>
    /// The permission bits of the file (of a link's final target, resolved inside the root as
    /// rebuild resolves it: never a file beyond the root), or null when there is no such file.
    /// Where openat2 cannot be used: under root <c>/</c> links resolve the same way by path, so a
    /// plain stat does; under another root that would follow links beyond it, so the check does not run.
    /// </summary>
    private (UnixFileMode? Mode, ConfinedResolutionUnavailableException? Unavailable) ModeOf(RootedFileSystem files, string path, string root)
    {
        try
        {
            return (_statusOf(files, path) is { Kind: EntryKind.File } status ? status.Mode : null, null);
        }
        catch (ConfinedResolutionUnavailableException e)
        {
            return Path.GetFullPath(root) == "/" ? (ModeByPath(path), null) : (null, e);
        }
        catch (IOException) { return (null, null); }
        catch (UnauthorizedAccessException) { return (null, null); }
    }

    // The mode of the regular file a host path finally names, links followed by the kernel as at
    // root / rebuild follows them; not a FIFO or device (/dev/null is 0666 and holds no secret), as
    // the openat2 path judges only regular files.
    private static UnixFileMode? ModeByPath(string path)
    {
        try
        {
            return HostPathStatus.Of(path) is { Kind: EntryKind.File } status ? status.Mode : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Permission bits as chmod takes them (<c>0644</c>).</summary>
    internal static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
