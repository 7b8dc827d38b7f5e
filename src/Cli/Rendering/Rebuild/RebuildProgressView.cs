using ConfigLang.Acme.Execution;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>
/// What rebuild/renew show while they work, fed by the executor's progress on one thread at a
/// time: <see cref="PlainProgressWriter"/> for logs, <see cref="LiveProgressView"/> for a terminal.
/// Times each certificate from its order to its end (<c>done in 3.2 s</c>). Names and details come from the
/// configuration and the CA: each event is one line with its control characters shown (<see cref="TerminalText.EscapeLine"/>).
/// </summary>
public abstract class RebuildProgressView(TimeProvider clock, bool reloads, bool dryRun) : IProgress<RebuildProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

    protected Lock Gate => _gate;

    protected TimeProvider Clock => clock;

    public void Report(RebuildProgress value)
    {
        if (ProgressNarration.Describe(value, reloads, dryRun) is not { } narrated) return;
        var described = narrated with
        {
            Certificate = narrated.Certificate is { } certificate ? TerminalText.EscapeLine(certificate) : null,
            Text = TerminalText.EscapeLine(narrated.Text),
        };
        lock (_gate)
        {
            var elapsed = TimeSpan.Zero;
            if (described.Certificate is { } name)
            {
                // "ordering" follows "ordering (issue: …)": a step already shown is not shown again.
                if (!described.Starts && _last.TryGetValue(name, out var last) && last.StartsWith(described.Text, StringComparison.Ordinal)) return;
                _last[name] = described.Text;
                if (described.Starts || !_started.ContainsKey(name)) _started[name] = clock.GetTimestamp();
                elapsed = clock.GetElapsedTime(_started[name]);
            }
            Show(described, elapsed);
        }
    }

    /// <summary>When <paramref name="certificate"/>'s work started, as <see cref="TimeProvider.GetTimestamp"/> counts.</summary>
    protected long StartOf(string certificate) => _started[certificate];

    /// <summary>Called under the lock with the event and the time since its certificate's work started.</summary>
    protected abstract void Show(ProgressEvent described, TimeSpan elapsed);

    /// <summary>"3.2 s": tenths, as a person reads a stopwatch.</summary>
    public static string Seconds(TimeSpan elapsed) => FormattableString.Invariant($"{elapsed.TotalSeconds:0.0} s");

    /// <summary>The words of a finished certificate with its time.</summary>
    protected static string Finished(ProgressEvent described, TimeSpan elapsed) => described.State switch
    {
        ProgressState.Done => $"done in {Seconds(elapsed)} ({described.Text})",
        ProgressState.Failed => $"failed after {Seconds(elapsed)} (the error is reported below)",
        _ => described.Text,
    };

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
