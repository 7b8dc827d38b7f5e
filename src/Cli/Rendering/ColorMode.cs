namespace ConfigLang.Cli.Rendering;

/// <summary><c>--color auto|always|never</c>: auto colours only a terminal, and never when <c>NO_COLOR</c> is set.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}
