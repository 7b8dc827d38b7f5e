namespace ConfigLang.Cli.Rendering;

/// <summary>
/// A writer over the console's stdout or stderr that keeps every line from starting (after leading
/// whitespace) with a CI runner's command marker: <c>::</c> (GitHub workflow commands) or <c>##</c>
/// (GitHub's older <c>##[cmd]</c>, Azure Pipelines' <c>##vso[</c>). The first marker character of such a
/// line is written as <see cref="ConfigLang.Evaluator.Diagnostics.TerminalText"/> writes an escaped one
/// (<c>\u003a:error</c>, <c>\u0023#vso[</c>): the line is shown but not obeyed. It holds no state beyond the
/// current line, so it needs no token, no environment variable and nothing to resume (a process killed
/// outright leaves the runner as it was). A line ends at <c>\n</c> or <c>\r</c>, as the runner's line
/// reader splits them; a marker's first character written alone is held until the next one decides.
/// </summary>
public sealed class CommandMarkerGuard(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    private enum LineState
    {
        /// <summary>Nothing but whitespace so far on this line.</summary>
        AtStart,
        /// <summary>Whitespace, then one marker character, held in <see cref="_held"/>.</summary>
        HeldMarker,
        /// <summary>The line's start was judged: the rest goes through as it is.</summary>
        Passing,
    }

    private readonly Lock _lock = new();
    private LineState _state = LineState.AtStart;
    private char _held;

    /// <summary>The writer guarded: the process's console writer when it is one (terminal checks compare it).</summary>
    public TextWriter Inner { get; } = inner;

    /// <summary>Off for output whose lines may be runner commands on purpose (<c>eval</c>, <c>lint --format github</c>).</summary>
    public bool Enabled { get; set; } = true;

    public override System.Text.Encoding Encoding => Inner.Encoding;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // the base setter takes null as "the default"; the inner writer decides
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> text)
    {
        lock (_lock)
        {
            if (!Enabled)
            {
                ReleaseHeld();
                Inner.Write(text);
                return;
            }
            while (!text.IsEmpty)
            {
                if (_state == LineState.Passing)
                {
                    // Most text: up to and with the line's end, as it is.
                    var end = text.IndexOfAny('\n', '\r');
                    if (end < 0)
                    {
                        Inner.Write(text);
                        return;
                    }
                    Inner.Write(text[..(end + 1)]);
                    text = text[(end + 1)..];
                    _state = LineState.AtStart;
                    continue;
                }
                var c = text[0];
                text = text[1..];
                if (_state == LineState.HeldMarker)
                {
                    if (c == _held) Inner.Write(c == ':' ? "\\u003a" : "\\u0023");
                    else Inner.Write(_held);
                    _state = LineState.Passing;
                    Inner.Write(c);
                    if (c is '\n' or '\r') _state = LineState.AtStart;
                }
                else if (c is ':' or '#')
                {
                    _held = c;
                    _state = LineState.HeldMarker;
                }
                else
                {
                    Inner.Write(c);
                    if (!char.IsWhiteSpace(c)) _state = LineState.Passing;
                }
            }
        }
    }

    /// <summary>Flushes what was judged; a lone marker character stays held (the next write decides it).</summary>
    public override void Flush()
    {
        lock (_lock) Inner.Flush();
    }

    /// <summary>The end of the output: a held marker character is written (no second one can follow), then flushed.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            ReleaseHeld();
            Inner.Flush();
        }
    }

    private void ReleaseHeld()
    {
        if (_state != LineState.HeldMarker) return;
        Inner.Write(_held);
        _state = LineState.Passing;
    }

    /// <summary>The console's writers belong to the process: this wrapper never closes them.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Complete();
        base.Dispose(disposing);
    }
}
