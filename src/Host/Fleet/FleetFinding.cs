using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// The shape of every fleet finding: a warning at the definition in one host file, the
/// definitions in the other host files involved as labels (rendered as notes with their own
/// file, line and column in text and JSON).
/// </summary>
public static class FleetFinding
{
    public static Diagnostic Warning(string code, string message, SourceLocation? primary, IEnumerable<(SourceLocation? At, string Message)> others, string note, string subject)
    {
        var finding = Diagnostic.Warning(code, message, primary);
        foreach (var (at, label) in others)
        {
            if (at is { } location) finding = finding.WithLabel(location, label);
        }
        return finding.WithNote(note) with { Subject = subject };
    }

    /// <summary><c>security.acme.certs."NAME"</c>.</summary>
    public static string CertOption(string name, string? option = null) =>
        option is null ? $"security.acme.certs.\"{name}\"" : $"security.acme.certs.\"{name}\".{option}";
}
