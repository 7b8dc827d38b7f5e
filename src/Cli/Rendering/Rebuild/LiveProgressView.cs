using System.Text;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>
/// Progress on a terminal: one line per certificate, rewritten in place with its current step and
/// the time since its work started; run-wide notes scroll above the lines. Each line is cut to
/// the terminal's width, since a wrapped line would throw off the cursor movement.
/// </summary>
public sealed class LiveProgressView : RebuildProgressView
{
    // CSI n F: cursor to the start of the line n lines up; CSI J: erase to the end of the screen.
    private const string Escape = "\u001b[";

    private readonly TextWriter _output;
    private readonly int _width;
    private readonly List<Row> _rows = [];
    private readonly ITimer? _ticker;
    private int _drawn;

    private sealed class Row(string name)
    {
        public string Name { get; } = name;
        public string Text { get; set; } = "";
        public bool Finished { get; set; }
    }

    /// <param name="refresh">How often the elapsed times are redrawn; null: only on events (tests).</param>
    public LiveProgressView(TextWriter output, TimeProvider clock, int width, bool reloads = true, bool dryRun = false, TimeSpan? refresh = null) : base(clock, reloads, dryRun)
    {
        _output = output;
        // A terminal that reports no size (a pty without one) gets the traditional 80 columns.
        _width = width <= 0 ? 80 : Math.Max(width, 20);
        if (refresh is { } period) _ticker = clock.CreateTimer(_ => Tick(), null, period, period);
    }

    protected override void Show(ProgressEvent described, TimeSpan elapsed)
    {
        if (described.Certificate is not { } name)
        {
            Draw(note: described.Text);
            return;
        }
        var row = _rows.Find(r => r.Name == name);
        if (row is null) _rows.Add(row = new Row(name));
        row.Finished = described.State is ProgressState.Done or ProgressState.Failed or ProgressState.Skipped;
        row.Text = Finished(described, elapsed);
        Draw(note: null);
    }

    private void Tick()
    {
        lock (Gate)
        {
            if (_rows.Any(r => !r.Finished)) Draw(note: null);
        }
    }

    private void Draw(string? note)
    {
        var text = new StringBuilder();
        if (_drawn > 0) text.Append(Escape).Append(_drawn).Append('F').Append(Escape).Append('J');
        if (note is not null) text.Append(Fit(note)).Append('\n');
        var nameWidth = _rows.Count == 0 ? 0 : _rows.Max(r => r.Name.Length);
        foreach (var row in _rows)
        {
            var line = row.Name.PadRight(nameWidth) + "  " + row.Text;
            if (!row.Finished) line += "  " + Seconds(Clock.GetElapsedTime(StartOf(row.Name)));
            text.Append(Fit(line)).Append('\n');
        }
        _drawn = _rows.Count;
        _output.Write(text.ToString());
        _output.Flush();
    }

    private string Fit(string line) => line.Length < _width ? line : line[..(_width - 2)] + "…";

    public override void Dispose()
    {
        _ticker?.Dispose();
        // A tick already running finishes under the lock before the caller writes the summary.
        lock (Gate) { }
        base.Dispose();
    }
}
