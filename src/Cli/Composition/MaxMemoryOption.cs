using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// The global <c>--max-memory SIZE</c> option (every command evaluates a configuration, so it may
/// stand before or after the sub-command), with <c>CONFIGLANG_MAX_MEMORY</c> as its fallback and
/// the smaller of 4 GiB and half the machine's memory as its default.
/// </summary>
public static partial class MaxMemoryOption
{
    public const string EnvironmentVariable = "CONFIGLANG_MAX_MEMORY";

    /// <summary>How users change the limit; the memory-limit error names it.</summary>
    public const string Hint = "set with --max-memory or " + EnvironmentVariable;

    /// <summary>Below this the runtime itself cannot start evaluating.</summary>
    public const long Minimum = 64L << 20;

    private const long DefaultCeiling = 4L << 30;

    public static Option<string?> Create() => new("--max-memory")
    {
        HelpName = "SIZE",
        Description = "The most memory evaluation may use, e.g. 512M, 2G, 1024K or plain bytes (also " + EnvironmentVariable +
            "); default: the smaller of 4G and half the machine's memory. Going past it is an error (exit 1).",
        Recursive = true,
    };

    /// <summary>The limit in bytes from the flag, else the environment, else the default; or why the value is not a size.</summary>
    public static long? Resolve(string? flag, string? environment, out string? error)
    {
        error = null;
        var (text, source) = flag is not null ? (flag, "--max-memory") : (environment, EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text) && flag is null) return Default();
        if (TryParseSize(text ?? "", out var bytes) && bytes >= Minimum) return bytes;
        error = TryParseSize(text ?? "", out _)
            ? $"{source} '{text}' is below the minimum of 64M"
            : $"{source} '{text}' is not a size (a number of bytes, optionally followed by K, M, G or T: 512M, 2G)";
        return null;
    }

    /// <summary>The smaller of 4 GiB and half of what the runtime sees as the machine's (or the container's) memory.</summary>
    public static long Default() => Math.Min(DefaultCeiling, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>"512M", "2G", "1024K", "3T", "1073741824"; a trailing "B" or "iB" is allowed, units are binary.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        var shift = match.Groups[2].Value.ToUpperInvariant() switch { "K" => 10, "M" => 20, "G" => 30, "T" => 40, _ => 0 };
        if (number > long.MaxValue >> shift) return false;
        bytes = number << shift;
        return true;
    }

    [GeneratedRegex(@"^([0-9]{1,19})\s*(?:([KMGTkmgt])(?:i?[Bb])?|[Bb])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
