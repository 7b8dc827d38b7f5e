namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>Where a certificate stands after a progress event: still at work, or finished one way or another.</summary>
public enum ProgressState
{
    /// <summary>Not about one certificate (leftovers removed, permissions, reloads): a line of its own.</summary>
    Note,
    Working,
    Done,
    Failed,
    Skipped,
}

/// <summary>
/// One executor event in words: the certificate it is about (null for a run-wide note), what
/// happens now (<c>answering dns-01 challenge for www.example.test</c>), and whether the
/// certificate's work started or ended with it, so a view can time it.
/// </summary>
public sealed record ProgressEvent(string? Certificate, string Text, ProgressState State, bool Starts = false);
