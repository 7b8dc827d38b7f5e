namespace ConfigLang.Acme.Storage;

/// <summary>
/// The outcome of an install: the directory written, whether the served certificate changed
/// (only then should consumers be reloaded and <c>postRun</c> run, as NixOS's <c>renewed</c>
/// marker does), and the ownership set on the way.
/// </summary>
public sealed record InstallResult(string Directory, bool CertificateChanged, IReadOnlyList<OwnershipChange> Ownership);
