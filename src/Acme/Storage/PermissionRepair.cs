using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Re-applies NixOS's modes and owners, as its setup unit does on every run (fact sheet §2.3),
/// and reports every deviation: certificate directories <c>u=rwX,g=rX,o=</c> owned by
/// <c>owner:group</c> (directories 0750, files 0640), accounts <c>u=rwX,g=,o=</c> owned by the
/// owner with the group untouched (0700 / 0600). Modes are fixed first, so a key readable by
/// others stops being readable before anything else happens.
/// </summary>
public sealed class PermissionRepair
{
    private readonly StateLayout _layout;
    private readonly FileOwnership _ownership;

    /// <summary>A repair pass below <paramref name="root"/>.</summary>
    public PermissionRepair(string root, FileOwnership? ownership = null)
    {
        _layout = new StateLayout(root);
        _ownership = ownership ?? new FileOwnership(_layout.Root);
    }

    /// <summary>Checks (and with <paramref name="fix"/> repairs) the files of the given certificates and the accounts.</summary>
    public IReadOnlyList<PermissionFinding> Run(IEnumerable<CertificateRequest> certificates, bool fix = true)
    {
        var findings = new List<PermissionFinding>();
        string? owner = null;
        foreach (var certificate in certificates.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            owner ??= certificate.Owner;
            Walk(_layout.CertificateDirectory(certificate.Name), certificate.Owner, certificate.Group,
                UnixModes.GroupDirectory, UnixModes.GroupReadable, fix, findings);
        }
        Walk(_layout.AccountsDirectory, owner ?? "acme", group: null, UnixModes.OwnerDirectory, UnixModes.OwnerReadWrite, fix, findings);
        return findings;
    }

    private void Walk(string path, string user, string? group, UnixFileMode directoryMode, UnixFileMode fileMode, bool fix, List<PermissionFinding> findings)
    {
        if (!Directory.Exists(path)) return;
        Check(path, directoryMode, user, group, fix, findings);
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) Check(entry, mode: null, user, group, fix, findings);
            else if (Directory.Exists(entry)) Walk(entry, user, group, directoryMode, fileMode, fix, findings);
            else Check(entry, fileMode, user, group, fix, findings);
        }
    }

    private void Check(string path, UnixFileMode? mode, string user, string? group, bool fix, List<PermissionFinding> findings)
    {
        if (mode is { } wanted && UnixModes.Get(path) is var actual && actual != wanted)
        {
            var problem = $"mode {UnixModes.Format(actual)}, expected {UnixModes.Format(wanted)}";
            if (!fix) findings.Add(new PermissionFinding(path, problem, false));
            else
            {
                try
                {
                    UnixModes.Set(path, wanted);
                    findings.Add(new PermissionFinding(path, problem, true));
                }
                catch (Exception e) when (e is UnauthorizedAccessException or IOException)
                {
                    findings.Add(new PermissionFinding(path, problem, false, e.Message));
                }
            }
        }

        var (currentUser, currentGroup) = _ownership.Get(path);
        if (currentUser != user || (group is not null && currentGroup != group))
        {
            var problem = group is null
                ? $"owned by {currentUser}, expected {user}"
                : $"owned by {currentUser}:{currentGroup}, expected {user}:{group}";
            if (!fix) findings.Add(new PermissionFinding(path, problem, false));
            else
            {
                var change = _ownership.Set(path, user, group);
                findings.Add(new PermissionFinding(path, problem, change.Applied, change.Note));
            }
        }
    }
}
