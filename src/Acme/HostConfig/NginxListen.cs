namespace ConfigLang.Acme.HostConfig;

/// <summary>One <c>listen</c> address of a virtual host: address (null = all), port, and whether it is TLS.</summary>
public sealed record NginxListen(string? Address, int Port, bool Ssl)
{
    /// <summary>The <c>listen</c> argument, e.g. <c>127.0.0.1:8443 ssl</c> or <c>[::]:80</c>.</summary>
    public string Format() => (Address is null ? "" : (Address.Contains(':') && !Address.StartsWith('[') ? $"[{Address}]:" : Address + ":")) + Port + (Ssl ? " ssl" : "");
}
