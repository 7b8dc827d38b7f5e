using System.Globalization;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>The listener addresses of <c>listenHTTP</c> and <c>listenTLS</c>: <c>[interface]:port</c>.</summary>
public static class ListenAddress
{
    /// <summary>The port of a <c>[interface]:port</c> listener address, or null when it has none.</summary>
    public static int? PortOf(string listen)
    {
        var port = listen[(listen.LastIndexOf(':') + 1)..];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
