namespace ConfigLang.Evaluator.Text;

/// <summary>
/// The text of one source (a file, standard input, an expression given with <c>-E</c>) and its
/// line table. Spans are offsets into <see cref="Text"/>; this type turns them into lines and
/// columns when something is shown to a person.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;
    private int[]? _lineFeedLineStarts;
    private Syntax.NixParseFacts? _nixFacts;

    public SourceText(string text, string path)
    {
        Text = text;
        Path = path;
    }

    /// <summary>The text as read; never modified.</summary>
    public string Text { get; }

    /// <summary>The file positions the language sees give (<c>unsafeGetAttrPos</c>, <c>__curPos</c>,
    /// <c>--xml</c>): a path, a pseudo-name such as <c>«configlang host»</c>, or for an expression
    /// (<see cref="FromExpression"/>) its text, as Nix 2.8 does.</summary>
    public string Path { get; }

    /// <summary>The name shown to people (messages, locations, traces): <see cref="Path"/>, except for
    /// the host's own library files, named as <c>&lt;configlang/…&gt;</c> (see <c>Runtime.LibraryFileNames</c>).</summary>
    public string Name
    {
        get => _name ?? Path;
        init => _name = value;
    }

    private readonly string? _name;

    private string? _pathByteText;

    /// <summary><see cref="Path"/> in the runtime's byte form, made once: for an expression it is the
    /// whole text, and every <c>__curPos</c> in it would otherwise convert (and keep) a copy.</summary>
    public string PathByteText => _pathByteText ??= Runtime.Values.ByteText.FromUnicode(Path);

    public int Length => Text.Length;

    /// <summary>
    /// An expression that is not a file (<c>-E</c>, standard input, <c>--arg</c>): Nix 2.8 gives its
    /// text as the file of its positions, and <paramref name="name"/> (<c>«string»</c>,
    /// <c>«stdin»</c>) in messages.
    /// </summary>
    public static SourceText FromExpression(string text, string name) => new(text, text) { Name = name };

    /// <summary>A source Nix 2.8 carries inside itself (<c>derivation</c>'s): no file, so Nix cannot show its lines,
    /// and a selection failing in it gets no frame there. Set by whoever makes such a source.</summary>
    public bool IsBuiltIntoNix { get; init; }

    /// <summary>Made by <see cref="FromExpression"/> (its text is its path).</summary>
    public bool IsExpression => ReferenceEquals(Path, Text);

    /// <summary>A source file; bytes that are not UTF-8 are kept (see <see cref="Runtime.Values.ByteText.DecodeKeepingInvalid"/>).</summary>
    public static SourceText FromFile(string path) => new(Runtime.Values.ByteText.ReadSourceFile(path), path);

    /// <summary>Offsets at which each line starts; the first is 0. A line feed, a CR LF pair and a lone carriage
    /// return each end a line, as Nix 2.8's lexer counts the lines of its positions (and editors count them).</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>
    /// Offsets at which each line starts when only line feeds end lines: how Nix 2.8 reads a file back to show the
    /// lines of an error, so a lone carriage return, a line break in the error's line number, is none in the text
    /// shown. The same table as <see cref="LineStarts"/> unless the text has a lone carriage return.
    /// </summary>
    public IReadOnlyList<int> LineFeedLineStarts =>
        _lineFeedLineStarts ??= LineStarts.Count == Text.AsSpan().Count('\n') + 1 ? (int[])LineStarts : ComputeLineFeedLineStarts(Text);

    public int LineCount => LineStarts.Count;

    public LinePosition GetLinePosition(int offset)
    {
        var starts = (int[])LineStarts;
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        return new LinePosition(index + 1, offset - starts[index] + 1);
    }

    /// <summary>
    /// The 1-based column of <paramref name="offset"/> counted in UTF-8 bytes, as Nix counts the
    /// columns a program sees (<c>__curPos</c>, <c>unsafeGetAttrPos</c>); <see cref="GetLinePosition"/>
    /// counts chars, as editors and diagnostics do. The two differ only after non-ASCII text on the line.
    /// </summary>
    public int GetByteColumn(int offset) => GetByteColumn(offset, GetLinePosition(offset));

    /// <summary><see cref="GetByteColumn(int)"/> of an offset whose <paramref name="position"/> is known already (one line lookup less).</summary>
    public int GetByteColumn(int offset, LinePosition position)
    {
        var column = position.Column;
        var before = Text.AsSpan(Math.Clamp(offset, 0, Text.Length) - (column - 1), column - 1);
        return System.Text.Ascii.IsValid(before) ? column : Runtime.Values.ByteText.Utf8Length(before) + 1;
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

    /// <summary>Where Nix 2.8 places the attribute whose name starts at <paramref name="nameOffset"/>: the start
    /// of its dotted path (see <see cref="AttributePathStarts"/>).</summary>
    public int NixAttributeStart(int nameOffset) => NixFacts.PathStarts.PathStartOf(nameOffset);

    /// <summary>The names Nix 2.8's parser creates reading this source, in the order it creates them
    /// (<see cref="Syntax.NixStartupSymbols.NamesCreatedBy"/>).</summary>
    internal IReadOnlyDictionary<string, int> NixNamesCreated => NixFacts.NamesCreated;

    /// <summary>What Nix 2.8's parser makes of this source; the source is parsed again the first time.</summary>
    internal Syntax.NixParseFacts NixFacts => _nixFacts ??= Syntax.NixParseFacts.Read(this);

    public string Substring(TextSpan span) => Text.Substring(span.Start, span.Length);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        while (at < text.Length && text.AsSpan(at).IndexOfAny('\n', '\r') is var next and >= 0)
        {
            at += next;
            if (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n') at++;
            starts.Add(++at);
        }
        return starts.ToArray();
    }

    private static int[] ComputeLineFeedLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        while (at < text.Length && text.AsSpan(at).IndexOf('\n') is var next and >= 0)
        {
            at += next;
            starts.Add(++at);
        }
        return starts.ToArray();
    }
}
