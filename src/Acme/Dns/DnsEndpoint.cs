using System.Net;

namespace ConfigLang.Acme.Dns;

/// <summary>Parses <c>host[:port]</c> / <c>[v6]:port</c> DNS server addresses (port 53 by default).</summary>
public static class DnsEndpoint
{
    public static IPEndPoint Parse(string text)
    {
        var value = text.Trim();
        if (IPAddress.TryParse(value, out var bare)) return new IPEndPoint(bare, 53);
        var colon = value.LastIndexOf(':');
        if (colon > 0 && int.TryParse(value.AsSpan(colon + 1), out var port))
        {
            var host = value[..colon].Trim('[', ']');
            if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
            return new IPEndPoint(Resolve(host), port);
        }
        return new IPEndPoint(Resolve(value), 53);
    }

    private static IPAddress Resolve(string host)
    {
        try
        {
            return System.Net.Dns.GetHostAddresses(host).First();
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new FormatException($"DNS server '{host}' cannot be resolved");
        }
    }

    public static IReadOnlyList<IPEndPoint> ParseList(string text) =>
        text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
}
