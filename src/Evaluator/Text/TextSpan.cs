namespace ConfigLang.Evaluator.Text;

/// <summary>A range of characters in one source, as an offset and a length. Lines and columns are
/// computed only when a diagnostic is rendered (see <see cref="SourceText"/>).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>The smallest span that covers both.</summary>
    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}
