using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// How much of an input-controlled text a message may print. Lint runs on untrusted files, and 83
/// bytes of input can make a 30 MB string that an "option does not exist" message quoted whole; so
/// each message, note and label, the option path and the suggested names are cut here (a message is
/// built whole first, a definitions listing included), on a character boundary, with
/// <c>… (N more bytes)</c> where the cut is, N counted in UTF-8 as the output is written: a value keeps
/// its start, a whole message its start and its end (where lint says "Did you mean …?"). Redact before cutting, so a
/// secret across the cut is masked whole. eval's evaluation errors are never cut: they match Nix 2.8's byte for
/// byte (its <c>--parse</c> syntax diagnostics are ConfigLang's and are cut as lint's are).
/// </summary>
public static class PrintedTextBounds
{
    /// <summary>A diagnostic's option path (<see cref="Diagnostic.Subject"/>) and each suggested name: 4 KiB is
    /// about fifty lines, more than a person reads in a name, enough to recognise it.</summary>
    public const int MaxValueBytes = 4 * 1024;

    /// <summary>A whole message, note or label (a listing of many definitions, a <c>throw</c>'s text):
    /// 64 KiB is about eight hundred lines; past that, the first part says what it is about.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>How much of a cut message's end is kept: its last lines (lint's "Did you mean …?") say what to do.</summary>
    public const int MaxTailBytes = 4 * 1024;

    /// <summary>How much of a cut message's 64 KiB is left to the notes and labels of its diagnostic, as far as
    /// they need it: a couple of hundred short ones ("raised in …", the fix), which a huge message must not crowd out.</summary>
    public const int MaxNotesRoomBytes = 16 * 1024;

    /// <summary>At most this many notes and as many labels of one diagnostic are printed (an evaluation
    /// trace with <c>--show-trace</c> can be 50,000 frames deep).</summary>
    public const int MaxNotes = 100;

    /// <summary><c>builtins.trace</c> and warnings written during one query (<c>show</c>, <c>options</c>).</summary>
    public const int MaxTraceBytes = 1024 * 1024;

    public const string Ellipsis = "…";

    /// <summary>What replaces the cut part: <c>… (29,999,000 more bytes)</c>.</summary>
    public static string Marker(long droppedBytes) =>
        $"{Ellipsis} ({droppedBytes.ToString("N0", CultureInfo.InvariantCulture)} more bytes)";

    /// <summary><paramref name="text"/> when its UTF-8 form is at most <paramref name="maxBytes"/>, otherwise
    /// its longest prefix of whole characters that fits, then <see cref="Marker"/>.</summary>
    public static string Cut(string text, int maxBytes)
    {
        // No UTF-16 unit takes more than three bytes: the common short text costs one comparison.
        if ((long)text.Length * 3 <= maxBytes) return text;
        var cut = new BoundedTextBuilder(maxBytes).Append(text);
        return cut.IsFull ? cut.ToString() : text;
    }

    /// <summary><paramref name="text"/> when its UTF-8 form is at most <paramref name="maxBytes"/>, otherwise its
    /// start, <see cref="Marker"/> and its last <see cref="MaxTailBytes"/> (at most a quarter of the bound), each of
    /// whole characters, all three within <paramref name="maxBytes"/>. For a whole message, whose end matters too.</summary>
    public static string CutMiddle(string text, int maxBytes)
    {
        if ((long)text.Length * 3 <= maxBytes) return text;
        long total = Encoding.UTF8.GetByteCount(text);
        return total <= maxBytes ? text : CutMiddle(text, maxBytes, total);
    }

    // The cut of a text of totalBytes (counted once by the caller), which is over maxBytes.
    private static string CutMiddle(string text, int maxBytes, long total)
    {
        // Fewer bytes are left out than there are in all, so the marker is never longer than this one.
        var markerBytes = Encoding.UTF8.GetByteCount(Marker(total));
        var room = Math.Max(0, maxBytes - markerBytes);
        var span = text.AsSpan();
        var tailLength = WholeCharacters.FittingSuffix(span, Math.Min(MaxTailBytes, room / 4), out var tailBytes);
        var headLength = WholeCharacters.FittingPrefix(span[..^tailLength], room - tailBytes, out var headBytes);
        return string.Concat(span[..headLength], Marker(total - headBytes - tailBytes), span[^tailLength..]);
    }

    /// <summary>The diagnostic as it may be printed: message, notes, label messages cut in their middle to
    /// <see cref="MaxMessageBytes"/> (a message that has to be cut, less the room its notes and labels need, up to
    /// <see cref="MaxNotesRoomBytes"/>), at most <see cref="MaxNotes"/> notes and labels, added while the whole is under
    /// <see cref="MaxMessageBytes"/> (the message counts at most the bound less that room, whether or not it was cut;
    /// a cut note counts the rest),
    /// the option path and each suggested name cut to <see cref="MaxValueBytes"/>. Code, severity and locations stay.</summary>
    public static Diagnostic Bound(Diagnostic diagnostic)
    {
        if (IsSmall(diagnostic)) return diagnostic;
        // A long message leaves room for the short notes and labels after it, which say where and what to do: one
        // that fits whole prints whole but counts no more than one that is cut (a 65,000-byte message hid a third note
        // that a cut 70,000-byte one showed).
        var messageBound = MaxMessageBytes - NotesRoom(diagnostic);
        long messageBytes = Encoding.UTF8.GetByteCount(diagnostic.Message);
        var message = messageBytes <= MaxMessageBytes ? diagnostic.Message : CutMiddle(diagnostic.Message, messageBound, messageBytes);
        // One diagnostic's text in all: notes and labels are added while it is under MaxMessageBytes, so a
        // diagnostic prints at most about twice that, not 201 times.
        var total = Math.Min(messageBytes, messageBound);
        var notes = new List<string>();
        foreach (var note in diagnostic.Notes)
        {
            if (notes.Count == MaxNotes || total >= MaxMessageBytes) break;
            var (printed, counted) = CutCounting(note, MaxMessageBytes);
            notes.Add(printed);
            total += counted;
        }
        var labels = new List<DiagnosticLabel>();
        foreach (var label in diagnostic.Labels)
        {
            if (labels.Count == MaxNotes || total >= MaxMessageBytes) break;
            var (printed, counted) = CutCounting(label.Message, MaxMessageBytes);
            labels.Add(label with { Message = printed });
            total += counted;
        }
        if (diagnostic.Notes.Count > notes.Count) notes.Add(More(diagnostic.Notes.Count - notes.Count, "notes"));
        if (diagnostic.Labels.Count > labels.Count) notes.Add(More(diagnostic.Labels.Count - labels.Count, "related locations"));
        return diagnostic with
        {
            Message = message,
            Notes = notes,
            Labels = labels,
            Subject = diagnostic.Subject is { } subject ? Cut(subject, MaxValueBytes) : null,
            Suggestions = [.. diagnostic.Suggestions.Select(s => Cut(s, MaxValueBytes))],
        };
    }

    /// <summary>An evaluation trace's runs of equal frames as <c>--show-trace</c> may print them outside eval: the first
    /// <paramref name="maxRuns"/> runs (a run prints once), each frame's message cut in its middle to <see cref="MaxMessageBytes"/>,
    /// added while the whole is under <see cref="MaxMessageBytes"/>, then one run counting the frames left. A frame names the
    /// attribute it evaluates, which can be 30 MB long. A caller that adds the runs to notes it already has passes what
    /// is left of <see cref="MaxNotes"/>, so the count of frames is not itself cut.</summary>
    public static IReadOnlyList<TraceRun> BoundRuns(IReadOnlyList<TraceFrame> trace, int maxRuns = MaxNotes)
    {
        var kept = new List<TraceRun>();
        var frames = 0;
        long total = 0;
        foreach (var run in TraceRun.Of(trace))
        {
            if (kept.Count >= maxRuns || total >= MaxMessageBytes)
            {
                kept.Add(new TraceRun(new TraceFrame(More(trace.Count - frames, "frames"), null), 0));
                break;
            }
            // A run of equal frames (deep recursion) is cut once and counts once: 50,000 frames are cut once.
            var (message, counted) = CutCounting(run.Frame.Message, MaxMessageBytes);
            kept.Add(run with { Frame = run.Frame with { Message = message } });
            frames += run.Repeats + 1;
            total += counted;
        }
        return kept;
    }

    /// <summary>The frames of <see cref="BoundRuns"/>, each run spelled out again (show and options print frames).</summary>
    public static IReadOnlyList<TraceFrame> BoundTrace(IReadOnlyList<TraceFrame> trace) =>
        [.. BoundRuns(trace).SelectMany(run => Enumerable.Repeat(run.Frame, run.Repeats + 1))];

    // A part as printed, cut in its middle to maxBytes, and what it counts, its bytes counted once: a part that had
    // to be cut counts as the whole bound (its cut form can be a few bytes under it).
    private static (string Printed, long Counted) CutCounting(string text, int maxBytes)
    {
        long bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= maxBytes ? (text, bytes) : (CutMiddle(text, maxBytes, bytes), maxBytes);
    }

    // The UTF-8 bytes of the notes and labels that may print, one more each (so an empty last one still fits),
    // counted up to MaxNotesRoomBytes (a huge note is not measured).
    private static int NotesRoom(Diagnostic diagnostic)
    {
        long room = 0;
        foreach (var text in diagnostic.Notes.Take(MaxNotes).Concat(diagnostic.Labels.Take(MaxNotes).Select(label => label.Message)))
        {
            room += 1 + (text.Length > MaxNotesRoomBytes ? MaxNotesRoomBytes : Encoding.UTF8.GetByteCount(text));
            if (room >= MaxNotesRoomBytes) return MaxNotesRoomBytes;
        }
        return (int)room;
    }

    private static string More(int count, string what) =>
        $"and {count.ToString("N0", CultureInfo.InvariantCulture)} more {what} not shown";

    private static bool IsSmall(Diagnostic diagnostic)
    {
        const int fits = MaxMessageBytes / 3;
        if (diagnostic.Message.Length > fits || diagnostic.Notes.Count > MaxNotes || diagnostic.Labels.Count > MaxNotes) return false;
        if (diagnostic.Subject is { Length: > MaxValueBytes / 3 }) return false;
        foreach (var suggestion in diagnostic.Suggestions) if (suggestion.Length > MaxValueBytes / 3) return false;
        // Each part alone may fit while all of them together do not: the sum is what is printed.
        long length = diagnostic.Message.Length;
        foreach (var note in diagnostic.Notes) length += note.Length;
        foreach (var label in diagnostic.Labels) length += label.Message.Length;
        return length <= fits;
    }
}
