namespace ConfigLang.Acme.HostConfig;

/// <summary>How a virtual host uses TLS (NixOS's mutually exclusive addSSL/onlySSL/forceSSL).</summary>
public enum NginxTlsMode
{
    /// <summary>Plain HTTP only.</summary>
    None,
    /// <summary><c>addSSL</c>: HTTP and HTTPS in one server block.</summary>
    AddSsl,
    /// <summary><c>onlySSL</c>: HTTPS only.</summary>
    OnlySsl,
    /// <summary><c>forceSSL</c>: HTTPS, plus a plain-HTTP server redirecting everything but the ACME challenge.</summary>
    ForceSsl,
}
