namespace ConfigLang.Cli.Rendering;

/// <summary>
/// A writer over the console's stdout or stderr that keeps every line from starting (after leading
/// whitespace) with a CI runner's command marker: <c>::</c> (GitHub workflow commands), <c>##[</c> (GitHub's
/// older form) or <c>##vso[</c> (Azure Pipelines). The first marker character of such a line is written as
/// <see cref="ConfigLang.Evaluator.Diagnostics.TerminalText"/> writes an escaped one (<c>\u003a:error</c>,
/// <c>\u0023#vso[</c>): the line is shown but not obeyed. A Markdown heading (<c>## </c>) is no marker.
/// It holds no state beyond the current line, so it needs no token, no environment variable and nothing to
/// resume (a process killed outright leaves the runner as it was). A line ends at <c>\n</c> or <c>\r</c>, as
/// the runner's line reader splits them; the start of a line that may still become a marker is held, across
/// a flush too, until the next characters decide it.
/// </summary>
public sealed class CommandMarkerGuard(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    private static readonly string[] Markers = ["::", "##[", "##vso["];

    private enum Verdict { Undecided, Marker, Plain }

    private readonly Lock _lock = new();
    // The line's start was judged: the rest goes through as it is.
    private bool _passing;
    // What follows the line's leading whitespace while it may still become a marker (at most "##vso").
    private readonly char[] _pending = new char[6];
    private int _pendingLength;

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
                ReleasePending();
                Inner.Write(text);
                return;
            }
            while (!text.IsEmpty)
            {
                if (_passing)
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
                    _passing = false;
                    continue;
                }
                var c = text[0];
                text = text[1..];
                if (_pendingLength == 0 && char.IsWhiteSpace(c))
                {
                    Inner.Write(c);
                    continue;
                }
                _pending[_pendingLength++] = c;
                var pending = _pending.AsSpan(0, _pendingLength);
                switch (Judge(pending))
                {
                    case Verdict.Marker:
                        Inner.Write(pending[0] == ':' ? "\\u003a" : "\\u0023");
                        Inner.Write(pending[1..]);
                        _pendingLength = 0;
                        _passing = true;
                        break;
                    case Verdict.Plain:
                        Inner.Write(pending);
                        _pendingLength = 0;
                        _passing = c is not ('\n' or '\r');
                        break;
                }
            }
        }
    }

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
        _passing = true;
    }

    /// <summary>The console's writers belong to the process: this wrapper never closes them.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Complete();
        base.Dispose(disposing);
    }
}
