namespace ConfigLang.Cli.Rendering;

/// <summary>
/// A writer over the console's stdout or stderr that keeps CI runners from reading our output as
/// commands: a line never starts (after leading whitespace) with <c>::</c> (GitHub workflow commands,
/// read only at a line's start), and no line holds <c>##[</c> (GitHub's older form) or <c>##vso[</c>
/// (Azure Pipelines), which both runners look for anywhere in a line. The first marker character is
/// written as <see cref="ConfigLang.Evaluator.Diagnostics.TerminalText"/> writes an escaped one
/// (<c>\u003a:error</c>, <c>\u0023#vso[</c>): the text is shown but not obeyed. A Markdown heading
/// (<c>## </c>) is no marker. It holds no state beyond the few characters that may still become a
/// marker, so it needs no token, no environment variable and nothing to resume (a process killed
/// outright leaves the runner as it was). A line ends at <c>\n</c> or <c>\r</c>, as the runner's line
/// reader splits them; characters that may still become a marker are held, across a flush too,
/// until the next ones decide them. Each stream is judged alone: no command writes part of a line on
/// one and then the other, so with <c>2&gt;&amp;1</c> a line still starts where its stream's last one ended.
/// </summary>
public sealed class CommandMarkerGuard(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    // A ':' is held only at a line's start, so "::" is judged only there; the others wherever a '#' is.
    private static readonly string[] Markers = ["::", "##[", "##vso["];
    // Where a marker may begin or a line end: all other text goes through as it is.
    private static readonly System.Buffers.SearchValues<char> MarkerOrLineEnd = System.Buffers.SearchValues.Create("#\n\r");

    private enum Verdict { Undecided, Marker, Plain }

    private readonly Lock _lock = new();
    // Nothing but whitespace written on this line yet.
    private bool _atLineStart = true;
    // Characters that may still become a marker (at most "##vso").
    private readonly char[] _pending = new char[6];
    private int _pendingLength;

    /// <summary>The writer guarded: the process's console writer when it is one (terminal checks compare it).</summary>
    public TextWriter Inner { get; } = inner;

    /// <summary>Off for output whose lines may be runner commands on purpose (<c>eval</c>, <c>lint --format github</c>).</summary>
    public bool Enabled { get; set; } = true;

    public override System.Text.Encoding Encoding => Inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> text)
    {
        lock (_lock)
        {
            if (!Enabled)
            {
                ReleasePending();
                Inner.Write(text);
                return;
            }
            while (!text.IsEmpty)
            {
                if (_pendingLength == 0 && !_atLineStart)
                {
                    // Most text: up to the next character that may begin a marker or end the line, as it is.
                    var next = text.IndexOfAny(MarkerOrLineEnd);
                    if (next < 0)
                    {
                        Inner.Write(text);
                        return;
                    }
                    Inner.Write(text[..next]);
                    text = text[next..];
                }
                Feed(text[0]);
                text = text[1..];
            }
        }
    }

    private void Feed(char c)
    {
        if (_pendingLength == 0)
        {
            if (c is '\n' or '\r')
            {
                Inner.Write(c);
                _atLineStart = true;
            }
            else if (_atLineStart && char.IsWhiteSpace(c))
            {
                Inner.Write(c);
            }
            else if (c == '#' || (_atLineStart && c == ':'))
            {
                _pending[_pendingLength++] = c;
                _atLineStart = false;
            }
            else
            {
                Inner.Write(c);
                _atLineStart = false;
            }
            return;
        }
        _pending[_pendingLength++] = c;
        var pending = _pending.AsSpan(0, _pendingLength);
        switch (Judge(pending))
        {
            case Verdict.Marker:
                Inner.Write(EscapedFirst(pending[0]));
                Inner.Write(pending[1..]);
                _pendingLength = 0;
                break;
            case Verdict.Plain:
                // Only the first character is settled: a marker may begin at the next one ("###[", "#\n").
                Inner.Write(pending[0]);
                var rest = _pendingLength - 1;
                pending[1..].CopyTo(_pending);
                _pendingLength = 0;
                // Feeding the i-th held character holds at most i+1 again, at indices up to i: the ones still to feed stay intact.
                for (var i = 0; i < rest; i++) Feed(_pending[i]);
                break;
        }
    }

    /// <summary>
    /// <paramref name="line"/> (one line, no line end) with each marker a runner finds anywhere in a
    /// line (<c>##[</c>, <c>##vso[</c>) escaped as this guard escapes it, and nothing else changed: for a
    /// line that is a runner command on purpose (an annotation, on a stream the guard leaves alone),
    /// whose start must stay while the text it carries must not add a command of its own.
    /// </summary>
    public static string EscapeMarkersWithinLine(string line)
    {
        var at = line.IndexOf('#');
        if (at < 0) return line;
        System.Text.StringBuilder? escaped = null;
        var copied = 0;
        for (; at >= 0; at = line.IndexOf('#', at + 1))
        {
            // A start cut short by the line's end is no marker: nothing can complete it.
            if (Judge(line.AsSpan(at, Math.Min(LongestMarker, line.Length - at))) != Verdict.Marker) continue;
            escaped ??= new System.Text.StringBuilder(line.Length + 16);
            escaped.Append(line, copied, at - copied).Append(EscapedFirst(line[at]));
            copied = at + 1;
        }
        return escaped is null ? line : escaped.Append(line, copied, line.Length - copied).ToString();
    }

    private static readonly int LongestMarker = Markers.Max(m => m.Length);

    // A marker's first character as TerminalText writes an escaped one: shown, not obeyed.
    private static string EscapedFirst(char first) => first == ':' ? "\\u003a" : "\\u0023";

    private static Verdict Judge(ReadOnlySpan<char> start)
    {
        foreach (var marker in Markers)
        {
            if (start.StartsWith(marker, StringComparison.OrdinalIgnoreCase)) return Verdict.Marker;
        }
        foreach (var marker in Markers)
        {
            if (marker.AsSpan().StartsWith(start, StringComparison.OrdinalIgnoreCase)) return Verdict.Undecided;
        }
        return Verdict.Plain;
    }

    /// <summary>Flushes what was judged; a line's start that may still become a marker stays held.</summary>
    public override void Flush()
    {
        lock (_lock) Inner.Flush();
    }

    /// <summary>The end of the output: a held start is written (nothing can complete it now), then flushed.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            ReleasePending();
            Inner.Flush();
        }
    }

    private void ReleasePending()
    {
        if (_pendingLength == 0) return;
        Inner.Write(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
    }

    /// <summary>The console's writers belong to the process: this wrapper never closes them.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Complete();
        base.Dispose(disposing);
    }
}
