namespace ConfigLang.TestSupport;

/// <summary>
/// A conformance corpus of the shared folder (<c>conformance/NAME</c> under
/// <see cref="RepositoryRoot.Shared"/>). The repository stands on its own: where a corpus is
/// absent, its tests are reported as skipped with <see cref="MissingReason"/>, never as failures.
/// </summary>
public static class SharedCorpus
{
    /// <summary>The Nix language tests (<c>lang/</c>) and Nix 2.8's baseline.</summary>
    public const string NixLang = "nix-lang";

    /// <summary>nixpkgs' module-system checks (<c>checks.tsv</c>, <c>lib/tests/modules</c>).</summary>
    public const string NixosModules = "nixos-modules";

    public static string PathOf(string corpus) => Path.Combine(RepositoryRoot.Shared, "conformance", corpus);

    /// <summary>Why the tests of <paramref name="corpus"/> cannot run here, or null when it is present.</summary>
    public static string? MissingReason(string corpus) =>
        Directory.Exists(PathOf(corpus))
            ? null
            : $"the conformance corpus {PathOf(corpus)} is absent: put the shared folder beside the checkout (../shared) or set CONFIGLANG_SHARED";
}
