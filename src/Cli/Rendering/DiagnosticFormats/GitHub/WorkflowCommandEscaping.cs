namespace ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;

/// <summary>
/// The escaping GitHub Actions applies to workflow commands (as in the Actions toolkit's
/// <c>escapeData</c>/<c>escapeProperty</c>): a message may not contain raw line breaks, and a
/// property value may not contain the <c>:</c> and <c>,</c> that delimit properties either.
/// <c>%</c> is escaped first, so escapes are never escaped twice.
/// </summary>
public static class WorkflowCommandEscaping
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
