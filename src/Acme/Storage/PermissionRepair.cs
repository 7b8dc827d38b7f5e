using ConfigLang.Acme.Model;
using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Re-applies NixOS's modes and owners, as its setup unit does on every run (fact sheet §2.3),
/// and reports every deviation: <c>/var/lib/acme</c> 0755 owned by the ACME user, certificate directories <c>u=rwX,g=rX,o=</c> owned by
/// <c>owner:group</c> (directories 0750, files 0640), accounts <c>u=rwX,g=,o=</c> owned by the
/// owner with the group untouched (0700 / 0600), the placeholder CA <c>.minica</c> (0755 / 0600). Modes are fixed first, so a key readable by
/// others stops being readable before anything else happens.
/// </summary>
public sealed class PermissionRepair
{
    /// <summary>
    /// How many directories deep below a certificate's, the accounts' or the CA's (<c>.minica</c>)
    /// directory the pass goes. Ours nest two deep at most; the owner of a directory can nest
    /// thousands, and each level holds two descriptors and a stack frame. A directory deeper than this is reported, not walked.
    /// </summary>
    public const int MaxDepth = 64;

    private readonly RootedFileSystem _root;
    private readonly FileOwnership _ownership;

    /// <summary>Test hook: called with each entry (full path) after its name was listed and before it is opened.</summary>
    internal Action<string>? BeforeEntryOpen { get; init; }

    /// <summary>Test hook: called with each file or symlink (full path) once it is opened and judged, before its repair.</summary>
    internal Action<string>? BeforeEntryRepair { get; init; }

    /// <summary>A repair pass below <paramref name="root"/>.</summary>
    public PermissionRepair(string root, FileOwnership? ownership = null)
    {
        _root = new RootedFileSystem(root);
        _ownership = ownership ?? new FileOwnership(_root.Root);
    }

    /// <summary>
    /// Checks (and with <paramref name="fix"/> repairs) the files of the given certificates and the
    /// accounts. Nothing is followed: a symlink where a directory should be stops the pass with an
    /// <see cref="UnsafePathException"/>; symlinks inside get only their own owner fixed.
    /// </summary>
    public IReadOnlyList<PermissionFinding> Run(IEnumerable<CertificateRequest> certificates, bool fix = true)
    {
        var findings = new List<PermissionFinding>();
        var sorted = certificates.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        var owner = sorted.FirstOrDefault()?.Owner;
        using var state = _root.TryOpenDirectory(StateLayout.HostStateDirectory);
        if (state is null) return findings;
        // /var/lib/acme itself: 0755 acme:acme (NixOS's tmpfiles rule), whatever umask made it.
        Check(state, null, null, state.Status(), UnixModes.PublicDirectory, owner ?? "acme", CertificateStore.PrimaryGroupOf(owner ?? "acme"), fix, findings);
        foreach (var certificate in sorted)
        {
            using var directory = state.TryOpenDirectory(StateLayout.ValidName(certificate.Name));
            if (directory is not null)
            {
                Walk(directory, certificate.Owner, certificate.Group, UnixModes.GroupDirectory, UnixModes.GroupReadable, fix, findings, depth: 0);
            }
        }
        using var accounts = state.TryOpenDirectory(".accounts");
        if (accounts is not null) Walk(accounts, owner ?? "acme", group: null, UnixModes.OwnerDirectory, UnixModes.OwnerReadWrite, fix, findings, depth: 0);
        // The placeholder CA: directory 0755, key and certificate 0600 (as CertificateStore makes them).
        using var minica = state.TryOpenDirectory(".minica");
        if (minica is not null)
        {
            Walk(minica, owner ?? "acme", CertificateStore.PrimaryGroupOf(owner ?? "acme"), UnixModes.PublicDirectory, UnixModes.OwnerReadWrite, fix, findings, depth: 0);
        }
        return findings;
    }

    private void Walk(RootedDirectory directory, string user, string? group, UnixFileMode directoryMode, UnixFileMode fileMode, bool fix, List<PermissionFinding> findings, int depth)
    {
        Check(directory, null, null, directory.Status(), directoryMode, user, group, fix, findings);
        foreach (var name in directory.List())
        {
            BeforeEntryOpen?.Invoke(directory.PathOf(name));
            // Judged and repaired through one descriptor of the entry, stat'ed once through it: whoever can
            // write the directory may swap the name for a hard link to a file elsewhere between a look by
            // name and a change by name.
            using var entry = directory.TryOpenEntry(name);
            if (entry is null) continue;
            var status = directory.StatusOf(entry);
            if (status.Kind == EntryKind.Directory)
            {
                if (depth == MaxDepth)
                {
                    findings.Add(new PermissionFinding(directory.PathOf(name), $"nested more than {MaxDepth} directories deep; neither it nor anything in it was checked", false));
                    continue;
                }
                // Opened again without following links; the walk judges the directory through that descriptor.
                using var child = directory.TryOpenDirectory(name);
                if (child is not null) Walk(child, user, group, directoryMode, fileMode, fix, findings, depth + 1);
                continue;
            }
            BeforeEntryRepair?.Invoke(directory.PathOf(name));
            switch (status.Kind)
            {
                case EntryKind.Symlink:
                    Check(directory, name, entry, status, mode: null, user, group, fix, findings);
                    break;
                case EntryKind.File when status.Links == 1:
                    Check(directory, name, entry, status, fileMode, user, group, fix, findings);
                    break;
                default:
                    // A hard link may be a file from elsewhere (or a FIFO, a device): never chmod or chown it.
                    throw new UnsafePathException(directory.PathOf(name),
                        status.Kind == EntryKind.File ? $"a file with {status.Links} hard links" : RootedDirectory.Describe(status.Kind));
            }
        }
    }

    private void Check(RootedDirectory directory, string? name, SafeFileHandle? entry, EntryStatus status, UnixFileMode? mode, string user, string? group, bool fix, List<PermissionFinding> findings)
    {
        var path = name is null ? directory.Path : directory.PathOf(name);
        if (mode is { } wanted && status.Mode != wanted)
        {
            var problem = $"mode {UnixModes.Format(status.Mode)}, expected {UnixModes.Format(wanted)}";
            if (!fix) findings.Add(new PermissionFinding(path, problem, false));
            else
            {
                try
                {
                    if (name is null) directory.SetMode(wanted);
                    else directory.SetMode(entry!, name, wanted);
                    findings.Add(new PermissionFinding(path, problem, true));
                }
                catch (Exception e) when (e is (UnauthorizedAccessException or IOException) and not UnsafePathException)
                {
                    findings.Add(new PermissionFinding(path, problem, false, e.Message));
                }
            }
        }

        var (currentUser, currentGroup) = _ownership.NamesOf(status);
        if (currentUser != user || (group is not null && currentGroup != group))
        {
            var problem = group is null
                ? $"owned by {currentUser}, expected {user}"
                : $"owned by {currentUser}:{currentGroup}, expected {user}:{group}";
            if (!fix) findings.Add(new PermissionFinding(path, problem, false));
            else
            {
                var change = name is null ? _ownership.Set(directory, user, group) : _ownership.Set(directory, entry!, name, user, group);
                findings.Add(new PermissionFinding(path, problem, change.Applied, change.Note));
            }
        }
    }
}
