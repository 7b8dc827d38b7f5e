namespace ConfigLang.Acme.Protocol;

/// <summary>
/// The one limit on every exchange with the CA or a DNS provider: connecting and getting the whole
/// answer must take less than this. A server that accepts and never answers must not hold a rebuild.
/// </summary>
public static class NetworkTimeout
{
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(30);

    /// <summary>"30 s", "2 s", "1.5 s": how messages name the limit.</summary>
    public static string Format(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
