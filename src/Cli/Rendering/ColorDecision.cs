namespace ConfigLang.Cli.Rendering;

/// <summary>
/// The rule behind <c>--color</c>: <c>always</c> and <c>never</c> mean what they say; <c>auto</c>
/// colours only output that goes to a terminal, and never when <c>NO_COLOR</c> is set to
/// anything non-empty (https://no-color.org).
/// </summary>
public static class ColorDecision
{
    public static bool UseColor(ColorMode mode, bool isTerminal, string? noColor) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => isTerminal && string.IsNullOrEmpty(noColor),
    };

    /// <summary>The spellings <c>--color</c> accepts.</summary>
    public static readonly string[] Names = ["auto", "always", "never"];

    public static ColorMode Parse(string? name) => name switch
    {
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => ColorMode.Auto,
    };
}
