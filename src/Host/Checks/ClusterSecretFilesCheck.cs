using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Storage;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The secrets of <c>security.acme.cluster</c> where lint can read them: the encryption key file
/// (which decrypts every private key in etcd) and the mutual-TLS <c>keyFile</c> must be readable
/// by root only (<see cref="LintCodes.ClusterSecretReadable"/>, when "other" may read them, or a
/// group other than root), and the encryption key must be the base64 of 32 bytes
/// (<see cref="LintCodes.ClusterEncryptionKeyMalformed"/>). Files are read under
/// <see cref="HostFacts.Root"/> as rebuild reads them (links resolved inside the root, never out
/// of it); a file that is absent or that lint may not open says nothing (CI lints without the
/// secrets). The content is never printed.
/// </summary>
public sealed class ClusterSecretFilesCheck : IHostCheck
{
    private const int RootGid = 0;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var cluster = facts.Cluster;
        if (!cluster.Enable) yield break;
        var files = new RootedFileSystem(facts.Root);
        foreach (var (option, path) in SecretFiles(cluster))
        {
            if (!Path.IsPathRooted(path) || !facts.MayLookAt(path) || Read(files, path) is not var (content, status)) continue;
            var subject = $"security.acme.cluster.{option}";
            var location = facts.Locate(subject);
            if (ReadableBy(status, facts) is { } readers)
            {
                yield return Diagnostic.Warning(LintCodes.ClusterSecretReadable,
                    $"`{subject}' is {path}, which {readers} can read (mode {CredentialsReadableByOthersCheck.Octal(status.Mode)})",
                    location)
                    .WithNote($"make it readable by root only: chown root:root {path} && chmod 0600 {path} (rebuild reads it as root)")
                    with { Subject = subject };
            }
            if (option == "encryptionKeyFile" && ClusterEncryptionKey.Problem(System.Text.Encoding.UTF8.GetString(content)) is { } problem)
            {
                yield return Diagnostic.Error(LintCodes.ClusterEncryptionKeyMalformed,
                    $"`{subject}' is {path}, which {problem}; rebuild cannot encrypt or decrypt the shared private keys with it",
                    location)
                    .WithNote($"write a new key, readable by root only: (umask 077; head -c {ClusterEncryptionKey.KeySize} /dev/urandom | base64 > {path}), and copy the same file to every host of the cluster")
                    with { Subject = subject };
            }
        }
    }

    private static IEnumerable<(string Option, string Path)> SecretFiles(ClusterFacts cluster)
    {
        if (cluster.EncryptionKeyFile is { } key) yield return ("encryptionKeyFile", key);
        if (cluster.KeyFile is { } tls) yield return ("keyFile", tls);
    }

    /// <summary>The file's bytes and status, or null when lint cannot read it here.</summary>
    private static (byte[] Content, EntryStatus Status)? Read(RootedFileSystem files, string path)
    {
        try
        {
            return files.ReadConfiguredFileWithStatus(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Who besides root may read the file, or null when nobody.</summary>
    private static string? ReadableBy(EntryStatus status, HostFacts facts) =>
        (status.Mode & UnixFileMode.OtherRead) != 0 ? "every local user"
        : (status.Mode & UnixFileMode.GroupRead) != 0 && status.Gid != RootGid ? $"the members of group {GroupName(status.Gid, facts)}"
        : null;

    // The configuration's name for the gid where it declares one (users.groups.<name>.gid).
    private static string GroupName(int gid, HostFacts facts) =>
        facts.GroupIds.Where(g => g.Value == gid).Select(g => $"\"{g.Key}\" ({gid})").Order(StringComparer.Ordinal).FirstOrDefault() ?? gid.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
