using System.Net;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// Parses a NixOS/lego listen address: <c>:80</c> (all interfaces), <c>127.0.0.1:5002</c>,
/// <c>[::1]:80</c>.
/// </summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string text)
    {
        var value = text.Trim();
        var colon = value.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(value.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
            throw new FormatException($"'{text}' is not a listen address like ':80' or '127.0.0.1:5002'");
        var host = value[..colon].Trim('[', ']');
        if (host.Length == 0) return new IPEndPoint(IPAddress.Any, port);
        if (host == "localhost") return new IPEndPoint(IPAddress.Loopback, port);
        return IPAddress.TryParse(host, out var address)
            ? new IPEndPoint(address, port)
            : throw new FormatException($"'{text}': '{host}' is not an IP address");
    }
}
