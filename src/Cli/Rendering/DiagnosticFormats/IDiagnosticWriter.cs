namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// One output format of <c>configlang lint --format NAME</c>. A writer is stateless: everything
/// it needs comes with the <see cref="DiagnosticReport"/> (sorted diagnostics, counts, display
/// paths) and the <see cref="DiagnosticWriterOptions"/>, so one instance serves every run.
/// </summary>
public interface IDiagnosticWriter
{
    /// <summary>The name given to <c>--format</c> (lower case).</summary>
    string Name { get; }

    /// <summary>Where this format belongs: text for people goes to standard error with the other
    /// messages; machine-readable formats are the command's result and go to standard output.</summary>
    DiagnosticOutputStream PreferredStream { get; }

    /// <summary>Whether this format's lines are a CI runner's workflow commands, meant to be obeyed
    /// (<see cref="CommandMarkerGuard"/> leaves its stream alone, so the writer escapes the markers inside
    /// its commands itself, with <see cref="CommandMarkerGuard.EscapeMarkersWithinLine"/>).</summary>
    bool EmitsWorkflowCommands => false;

    void Write(DiagnosticReport report, TextWriter output, DiagnosticWriterOptions options);
}
