using System.Security.Cryptography.X509Certificates;
using System.Text;

using ConfigLang.Acme.Model;

using CertificateRequest = ConfigLang.Acme.Model.CertificateRequest;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The on-disk certificate store, laid out as NixOS does (see <see cref="StateLayout"/>):
/// reads what is installed, installs new certificates atomically (<see cref="FileTransaction"/>)
/// with directory 0750 and files 0640 owned by <c>owner:group</c>, and installs the self-signed
/// placeholder. Owners are resolved by name under the root (<see cref="FileOwnership"/>).
/// </summary>
public sealed class CertificateStore
{
    private readonly FileOwnership _ownership;

    /// <summary>A store below <paramref name="root"/>; ownership is applied when running as root unless told otherwise.</summary>
    public CertificateStore(string root, FileOwnership? ownership = null)
    {
        Layout = new StateLayout(root);
        FileSystem = new RootedFileSystem(Layout.Root);
        _ownership = ownership ?? new FileOwnership(Layout.Root);
    }

    /// <summary>The root, reached without following symlinks.</summary>
    public RootedFileSystem FileSystem { get; }

    /// <summary>Where everything is.</summary>
    public StateLayout Layout { get; }

    /// <summary>Test hook: called with each target file just before it is replaced.</summary>
    internal Action<string>? BeforeReplace { get; set; }

    /// <summary>What is installed for <paramref name="name"/>; null when nothing is.</summary>
    public ObservedCertificate? Read(string name) => ObservedCertificateReader.Read(FileSystem, name);

    /// <summary>
    /// Installs a CA-issued certificate for <paramref name="request"/> and records
    /// <paramref name="stamp"/> (default: the request's) beside it. The files are replaced only
    /// when the certificate or key differ from what is installed; the stamp is always refreshed.
    /// </summary>
    public InstallResult Install(CertificateRequest request, CertificateMaterial material, CertificateStamp? stamp = null)
    {
        stamp ??= CertificateStamp.For(request);
        return Write(request, material, stamp.Format());
    }

    /// <summary>
    /// Installs a fresh placeholder for <paramref name="request"/>, creating the local CA if
    /// needed. Refused once a CA-issued certificate is there (as NixOS stops at <c>acme-success</c>):
    /// a placeholder must never replace a working certificate.
    /// </summary>
    public InstallResult InstallPlaceholder(CertificateRequest request, DateTimeOffset now, TimeSpan? validity = null)
    {
        if (HasSucceeded(request.Name) || Read(request.Name) is { IsUsable: true, IsPlaceholder: false })
        {
            throw new InvalidOperationException($"certificate '{request.Name}' already has a CA-issued certificate; a placeholder would replace it");
        }
        using var ca = LoadOrCreateCa(request.Owner, now);
        var material = SelfSignedPlaceholder.Create(request.Domains, ca, now, validity);
        return Write(request, material, stampText: null);
    }

    /// <summary>True once a CA-issued certificate was installed for <paramref name="name"/> (NixOS's <c>acme-success</c>).</summary>
    public bool HasSucceeded(string name)
    {
        using var directory = FileSystem.TryOpenDirectory(StateLayout.HostCertificateDirectory(StateLayout.ValidName(name)));
        return directory is not null && directory.FileExists(StateLayout.SuccessMarker);
    }

    /// <summary>True while the postRun of the installed certificate has not yet succeeded (see <see cref="StateLayout.PostRunPendingMarker"/>).</summary>
    public bool IsPostRunPending(string name)
    {
        using var directory = FileSystem.TryOpenDirectory(StateLayout.HostCertificateDirectory(StateLayout.ValidName(name)));
        return directory is not null && directory.FileExists(StateLayout.PostRunPendingMarker);
    }

    /// <summary>postRun succeeded (or there is none any more): nothing is pending for <paramref name="name"/>.</summary>
    public void ClearPostRunPending(string name)
    {
        using var directory = FileSystem.TryOpenDirectory(StateLayout.HostCertificateDirectory(StateLayout.ValidName(name)));
        directory?.Delete(StateLayout.PostRunPendingMarker);
    }

    /// <summary>Records the CA's suggested renewal window (ARI) in the certificate's stamp.</summary>
    public void RecordRenewalWindow(CertificateRequest request, SuggestedRenewalWindow window)
    {
        using var directory = FileSystem.TryOpenDirectory(StateLayout.HostCertificateDirectory(StateLayout.ValidName(request.Name)));
        var stamp = directory?.TryReadAllText(StateLayout.StampFile) is { } text ? CertificateStamp.Parse(text) : null;
        if (stamp is null) throw new InvalidOperationException($"certificate '{request.Name}' has no stamp to record a renewal window in");
        using var transaction = new FileTransaction(directory!, _ownership) { BeforeReplace = BeforeReplace };
        transaction.StageFile(StateLayout.StampFile, Encoding.UTF8.GetBytes((stamp with { SuggestedWindow = window }).Format()),
            UnixModes.GroupReadable, request.Owner, request.Group);
        transaction.Commit();
    }

    private InstallResult Write(CertificateRequest request, CertificateMaterial material, string? stampText)
    {
        var firstChange = _ownership.Changes.Count;
        using var state = OpenStateDirectory(request.Owner);
        using var directory = state.CreateDirectory(StateLayout.ValidName(request.Name), UnixModes.GroupDirectory);
        _ownership.Set(directory, request.Owner, request.Group);

        var changed = !SameText(directory, StateLayout.FullChainFile, material.FullChainPem)
                      || !SameText(directory, StateLayout.KeyFile, material.KeyPem);
        using (var transaction = new FileTransaction(directory, _ownership) { BeforeReplace = BeforeReplace, OwnSymlinks = OwnSymlinks })
        {
            void Stage(string file, string text) =>
                transaction.StageFile(file, Encoding.UTF8.GetBytes(text), UnixModes.GroupReadable, request.Owner, request.Group);

            if (changed)
            {
                Stage(StateLayout.KeyFile, material.KeyPem);
                Stage(StateLayout.FullChainFile, material.FullChainPem);
                Stage(StateLayout.ChainFile, material.ChainPem);
                if (material.LeafPem is { } leaf) Stage(StateLayout.CertFile, leaf);
                else transaction.StageSymlink(StateLayout.CertFile, StateLayout.FullChainFile, request.Owner, request.Group);
                Stage(StateLayout.FullFile, material.FullPem);
                // In the same transaction as the certificate: a crash before postRun ran leaves it pending too.
                if (stampText is not null && !string.IsNullOrWhiteSpace(request.PostRun)) Stage(StateLayout.PostRunPendingMarker, "");
            }
            if (stampText is not null)
            {
                Stage(StateLayout.StampFile, stampText);
                if (!directory.FileExists(StateLayout.SuccessMarker)) Stage(StateLayout.SuccessMarker, "");
            }
            transaction.Commit();
        }
        return new InstallResult(directory.Path, changed, _ownership.Changes.Skip(firstChange).ToArray());
    }

    // cert.pem is our own link to fullchain.pem; it is the only symlink a certificate directory may hold.
    private static readonly IReadOnlySet<string> OwnSymlinks = new HashSet<string>(StringComparer.Ordinal) { StateLayout.CertFile };

    /// <summary><c>/var/lib/acme</c>, created or repaired to 0755 and owned by the ACME user, as NixOS's tmpfiles rule does.</summary>
    private RootedDirectory OpenStateDirectory(string owner)
    {
        var state = FileSystem.CreateDirectory(StateLayout.HostStateDirectory, UnixModes.PublicDirectory);
        try
        {
            _ownership.Set(state, owner, PrimaryGroupOf(owner));
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    private X509Certificate2 LoadOrCreateCa(string owner, DateTimeOffset now)
    {
        using var state = OpenStateDirectory(owner);
        using var directory = state.CreateDirectory(".minica", UnixModes.PublicDirectory);
        if (directory.TryReadAllText("cert.pem") is { } certificatePem && directory.TryReadAllText("key.pem") is { } keyPem)
        {
            var existing = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            if (existing.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(1)) return existing;
            existing.Dispose();
        }

        var ca = SelfSignedPlaceholder.CreateCa(now);
        using var key = ca.GetECDsaPrivateKey()!;
        using var transaction = new FileTransaction(directory, _ownership) { BeforeReplace = BeforeReplace };
        var group = PrimaryGroupOf(owner);
        transaction.StageFile("key.pem", Encoding.UTF8.GetBytes(key.ExportECPrivateKeyPem() + "\n"), UnixModes.OwnerReadWrite, owner, group);
        transaction.StageFile("cert.pem", Encoding.UTF8.GetBytes(ca.ExportCertificatePem() + "\n"), UnixModes.OwnerReadWrite, owner, group);
        transaction.Commit();
        _ownership.Set(directory, owner, group);
        return ca;
    }

    // NixOS creates user acme with group acme; with useRoot everything belongs to root.
    internal static string PrimaryGroupOf(string owner) => owner == "root" ? "root" : "acme";

    private static bool SameText(RootedDirectory directory, string name, string text) => directory.TryReadAllText(name) == text;
}
