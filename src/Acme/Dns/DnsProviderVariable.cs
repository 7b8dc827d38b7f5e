namespace ConfigLang.Acme.Dns;

/// <summary>
/// One variable a DNS provider reads, under lego's name, from the <c>environmentFile</c> or as
/// <c>NAME_FILE</c> (a file holding the value, e.g. in <c>credentialFiles</c>), as lego takes it.
/// </summary>
/// <param name="Name">lego's name (CLOUDFLARE_DNS_API_TOKEN).</param>
/// <param name="Description">One line for <c>configlang options</c> and the README.</param>
public sealed record DnsProviderVariable(string Name, string Description)
{
    /// <summary>Other names lego accepts for it (CF_DNS_API_TOKEN), read after <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A credential: its value is never printed.</summary>
    public bool Secret { get; init; }

    /// <summary>The value used when it is not set, as text (null: none, or computed).</summary>
    public string? Default { get; init; }

    /// <summary>What its value must be; a numeric kind is one the provider refuses otherwise (lint checks it before rebuild).</summary>
    public DnsVariableKind Kind { get; init; }

    /// <summary><see cref="Name"/> then <see cref="Aliases"/>: every name that sets it, in the order read.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
