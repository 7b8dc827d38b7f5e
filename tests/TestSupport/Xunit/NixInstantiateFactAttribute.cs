using Xunit;

namespace ConfigLang.TestSupport;

/// <summary>A fact that compares with Nix 2.8: skipped with the reason where nix-instantiate is absent.</summary>
public sealed class NixInstantiateFactAttribute : FactAttribute
{
    public NixInstantiateFactAttribute() => Skip = NixInstantiate.MissingReason;
}
