namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>The stream a diagnostic format is meant for (see <see cref="IDiagnosticWriter.PreferredStream"/>).</summary>
public enum DiagnosticOutputStream
{
    StandardOutput,
    StandardError,
}
