using System.CommandLine;
using ConfigLang.Cli.Rendering;

namespace ConfigLang.Cli.Composition;

/// <summary>The global <c>--color auto|always|never</c> option; it may stand before or after the sub-command.</summary>
public static class ColorOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--color")
        {
            Description = "Colour text diagnostics: auto (only on a terminal, and not when NO_COLOR is set), always, never.",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(ColorDecision.Names);
        return option;
    }
}
