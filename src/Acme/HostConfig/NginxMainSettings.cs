namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// The main context of a generated <c>nginx.conf</c>: the account workers run as
/// (<c>services.nginx.user</c>/<c>group</c>), where the master's PID is written, and lines a
/// caller adds (tests keep every path inside a temporary prefix with them).
/// </summary>
public sealed record NginxMainSettings
{
    public string User { get; init; } = "nginx";

    public string Group { get; init; } = "nginx";

    /// <summary>
    /// Debian's nginx.service reads its PID from <c>/run/nginx.pid</c> (the package's compiled-in
    /// path); NixOS's own unit uses /run/nginx/nginx.pid, but ConfigLang drives the host's unit.
    /// </summary>
    public string PidFile { get; init; } = "/run/nginx.pid";

    /// <summary><c>error_log</c>; null keeps nginx's compiled-in log.</summary>
    public string? ErrorLog { get; init; }

    /// <summary>Lines for the main context, after user and pid.</summary>
    public string MainExtra { get; init; } = "";

    /// <summary>Lines for the http context, before the servers.</summary>
    public string HttpExtra { get; init; } = "";
}
