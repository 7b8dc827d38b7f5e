using ConfigLang.Acme.Client;

namespace ConfigLang.Acme.Execution;

/// <summary>One progress line for a certificate: which, at what step, and a short detail.</summary>
public sealed record RebuildProgress(string Certificate, string Step, string? Detail = null, OrderProgress? Order = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Certificate}: {Step}{(Detail is null ? "" : ": " + Detail)}";
}
