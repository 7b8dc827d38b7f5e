namespace ConfigLang.Fuzz;

/// <summary>Where a seed input comes from, which decides the commands its mutants go through.</summary>
public enum SeedKind
{
    /// <summary>A Nix language test (conformance/nix-lang): an expression.</summary>
    Language,
    /// <summary>A nixpkgs module-system test module (conformance/nixos-modules): a module.</summary>
    Module,
    /// <summary>A host configuration from the repository's examples/.</summary>
    Host,
}
