namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// Short descriptions of diagnostic codes for formats that list rules (SARIF). A description
/// given in <see cref="DiagnosticWriterOptions.CodeDescriptions"/> wins; otherwise the code's
/// layer (its first digit, see the code ranges on <see cref="ConfigLang.Evaluator.Diagnostics.Diagnostic"/>) names it.
/// </summary>
public static class DiagnosticCodeDescriptions
{
    public static string Describe(string code, IReadOnlyDictionary<string, string>? known = null)
    {
        if (known is not null && known.TryGetValue(code, out var description)) return description;
        var layer = code.Length > 2 && code.StartsWith("CL", StringComparison.Ordinal) ? code[2] : '?';
        return layer switch
        {
            '0' => $"Syntax problem {code}",
            '1' => $"Evaluation problem {code}",
            '2' => $"Module system problem {code}",
            '3' => $"Certificate configuration problem {code}",
            '9' => $"Command-line problem {code}",
            _ => $"ConfigLang problem {code}",
        };
    }
}
