namespace ConfigLang.Acme.HostConfig;

/// <summary>A <c>location</c> block of a virtual host (<c>services.nginx.virtualHosts.&lt;n&gt;.locations.&lt;path&gt;</c>).</summary>
public sealed record NginxLocation
{
    /// <summary>The location match, e.g. <c>/</c>, <c>= /robots.txt</c>, <c>~ \.php$</c>.</summary>
    public required string Path { get; init; }

    /// <summary><c>root</c> directory, if any.</summary>
    public string? Root { get; init; }

    /// <summary><c>alias</c> directory, if any.</summary>
    public string? Alias { get; init; }

    /// <summary><c>proxy_pass</c> target, if any.</summary>
    public string? ProxyPass { get; init; }

    /// <summary>Lines copied into the block as they are.</summary>
    public string ExtraConfig { get; init; } = "";
}
