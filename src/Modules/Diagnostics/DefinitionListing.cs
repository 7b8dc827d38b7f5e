using System.Text;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Diagnostics;

/// <summary>
/// The "Definition values:" part of NixOS messages (<c>showDefs</c>): one line per definition,
/// <c>- In `file': value</c>, the value on following lines (at most five) when it spans several,
/// and no value at all when printing it fails. Also <c>showFiles</c>. Files of the built-in library are named
/// as <c>&lt;configlang/…&gt;</c> (<see cref="LibraryFiles.DisplayName"/>), as the evaluator names them.
/// </summary>
public static class DefinitionListing
{
    public static string Show(IEnumerable<Definition> definitions)
    {
        var builder = new StringBuilder();
        foreach (var definition in definitions)
        {
            builder.Append("\n- In `").Append(LibraryFiles.DisplayName(definition.File)).Append('\'');
            var printed = ValuePrinter.TryPrint(definition.Value);
            if (printed is null) continue;
            var lines = printed.Split('\n');
            if (lines.Length > 1)
            {
                builder.Append(":\n    ").Append(string.Join("\n    ", lines.Take(5)));
                if (lines.Length > 5) builder.Append("\n    ...");
            }
            else
            {
                builder.Append(": ").Append(printed);
            }
        }
        return builder.ToString();
    }

    /// <summary><c>`a.nix' and `b.nix'</c></summary>
    public static string ShowFiles(IEnumerable<string> files) => string.Join(" and ", files.Select(f => "`" + LibraryFiles.DisplayName(f) + "'"));
}
