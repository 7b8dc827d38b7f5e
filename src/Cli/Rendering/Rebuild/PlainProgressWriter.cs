namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>Progress for a log, CI or a pipe: one sentence per event, prefixed by its certificate.</summary>
public sealed class PlainProgressWriter(TextWriter output, TimeProvider clock, bool reloads = true, bool dryRun = false) : RebuildProgressView(clock, reloads, dryRun)
{
    protected override void Show(ProgressEvent described, TimeSpan elapsed) =>
        output.WriteLine(described.Certificate is { } name ? $"{name}: {Finished(described, elapsed)}" : described.Text);
}
