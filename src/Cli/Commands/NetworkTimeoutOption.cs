using System.CommandLine;
using System.Globalization;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>--timeout SECONDS</c> of rebuild and renew (<c>CONFIGLANG_TIMEOUT</c> when the flag is not
/// given): the one connect and response limit of every request to the CA and the DNS providers.
/// </summary>
public static class NetworkTimeoutOption
{
    public const string EnvironmentVariable = "CONFIGLANG_TIMEOUT";

    /// <summary>More than any real exchange needs; a larger value is almost surely a unit mistake.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static Option<string?> Create() => new("--timeout", "--network-timeout")
    {
        HelpName = "SECONDS",
        Description = "Give up on a request to the ACME server or a DNS provider (connecting and answering; an exec " +
                      $"program finishing) after this many seconds (default: {EnvironmentVariable} if set, else " +
                      $"{NetworkTimeout.Default.TotalSeconds:0}). A server that does not answer in time fails its certificates (exit 3).",
    };

    /// <summary>The limit the flag or else the variable sets (default otherwise), or null and <paramref name="error"/>.</summary>
    public static TimeSpan? Resolve(string? flag, string? environment, out string? error)
    {
        error = null;
        var (text, source) = flag is not null ? (flag, "--timeout") : (environment, EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text) && flag is null) return NetworkTimeout.Default;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0 || seconds > Longest.TotalSeconds)
        {
            error = $"{source} must be a number of seconds above 0 and at most {Longest.TotalSeconds:0} (e.g. 30 or 2.5), not '{text}'";
            return null;
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
