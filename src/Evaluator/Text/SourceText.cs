namespace ConfigLang.Evaluator.Text;

/// <summary>
/// The text of one source (a file, standard input, an expression given with <c>-E</c>) and its
/// line table. Spans are offsets into <see cref="Text"/>; this type turns them into lines and
/// columns when something is shown to a person.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string text, string path)
    {
        Text = text;
        Path = path;
    }

    /// <summary>The text as read; never modified.</summary>
    public string Text { get; }

    /// <summary>The file: a path, or a pseudo-name such as <c>«string»</c>. Positions the language
    /// sees (<c>unsafeGetAttrPos</c>, <c>__curPos</c>) give this, as Nix does.</summary>
    public string Path { get; }

    /// <summary>The name shown to people (messages, locations, traces): <see cref="Path"/>, except for
    /// the host's own library files, named as <c>&lt;configlang/…&gt;</c> (see <c>Runtime.LibraryFileNames</c>).</summary>
    public string Name
    {
        get => _name ?? Path;
        init => _name = value;
    }

    private readonly string? _name;

    public int Length => Text.Length;

    /// <summary>A source file; bytes that are not UTF-8 are kept (see <see cref="Runtime.Values.ByteText.DecodeKeepingInvalid"/>).</summary>
    public static SourceText FromFile(string path) => new(Runtime.Values.ByteText.ReadSourceFile(path), path);

    /// <summary>Offsets at which each line starts; the first is 0.</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    public int LineCount => LineStarts.Count;

    public LinePosition GetLinePosition(int offset)
    {
        var starts = (int[])LineStarts;
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        return new LinePosition(index + 1, offset - starts[index] + 1);
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        var starts = (int[])LineStarts;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text.Substring(start, end - start);
    }

    public string Substring(TextSpan span) => Text.Substring(span.Start, span.Length);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return starts.ToArray();
    }
}
