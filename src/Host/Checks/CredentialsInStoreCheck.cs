using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>Credentials written with <c>pkgs.writeText</c> land in the store, which every local user can read.</summary>
public sealed class CredentialsInStoreCheck : IHostCheck
{
    private const string StorePrefix = "/nix/store/";

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        foreach (var cert in facts.Certs)
        {
            var files = cert.CredentialFiles.Select(f => (Option: $"credentialFiles.{f.Key}", Path: f.Value)).ToList();
            if (cert.EnvironmentFile is { } env) files.Insert(0, ("environmentFile", env));
            foreach (var (option, path) in files.Where(f => f.Path.StartsWith(StorePrefix, StringComparison.Ordinal)))
            {
                var subject = $"security.acme.certs.\"{cert.Name}\".{option}";
                yield return Diagnostic.Warning(LintCodes.CredentialsInStore,
                    $"`{subject}' is the store path {path}: the credentials are world-readable",
                    facts.LocateCert(cert.Name, option))
                    .WithNote("keep the file outside the store (e.g. /run/secrets) or use credentialFiles with paths outside it")
                    with { Subject = subject };
            }
        }
    }
}
