using System.Net;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// Parses a NixOS/lego listen address: <c>:80</c> (all interfaces), <c>127.0.0.1:5002</c>,
/// <c>[::1]:80</c>.
/// </summary>
public static class ListenAddress
{
    /// <summary><see cref="Parse"/> without throwing: false for text that is no listen address.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPEndPoint? endpoint) =>
        Read(text, out endpoint) is null;

    public static IPEndPoint Parse(string text) =>
        Read(text, out var endpoint) is { } error ? throw new FormatException(error) : endpoint!;

    /// <summary>The endpoint, or why the text is no listen address.</summary>
    private static string? Read(string text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        var value = text.Trim();
        var colon = value.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(value.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
            return $"'{text}' is not a listen address like ':80' or '127.0.0.1:5002'";
        var host = value[..colon].Trim('[', ']');
        if (host.Length == 0) endpoint = new IPEndPoint(IPAddress.Any, port);
        else if (host == "localhost") endpoint = new IPEndPoint(IPAddress.Loopback, port);
        else if (IPAddress.TryParse(host, out var address)) endpoint = new IPEndPoint(address, port);
        else return $"'{text}': '{host}' is not an IP address";
        return null;
    }

    /// <summary>
    /// A started listener for <paramref name="endpoint"/>; "all interfaces" (<c>:80</c>) listens on
    /// IPv6 and IPv4 alike when the host has IPv6.
    /// </summary>
    public static System.Net.Sockets.TcpListener Start(IPEndPoint endpoint)
    {
        if (endpoint.Address.Equals(IPAddress.Any) && System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            var dual = new System.Net.Sockets.TcpListener(IPAddress.IPv6Any, endpoint.Port);
            try
            {
                dual.Server.DualMode = true;
                dual.Start(128);
                return dual;
            }
            catch (System.Net.Sockets.SocketException)
            {
                dual.Stop();
            }
        }
        var listener = new System.Net.Sockets.TcpListener(endpoint);
        listener.Start(128);
        return listener;
    }
}
