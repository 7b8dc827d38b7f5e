namespace ConfigLang.Evaluator.Text;

/// <summary>A span together with the source it belongs to: what every diagnostic points at.</summary>
public readonly record struct SourceLocation(SourceText Source, TextSpan Span)
{
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    public LinePosition End => Source.GetLinePosition(Span.End);

    /// <summary>The start's column as Nix gives it to programs: counted in UTF-8 bytes (<see cref="SourceText.GetByteColumn"/>).</summary>
    public int ByteColumn => Source.GetByteColumn(Span.Start);

    /// <summary><c>path:line:column</c>, the form users paste into editors (library files by their <see cref="SourceText.Name"/>).</summary>
    public override string ToString() => $"{Source.Name}:{Start}";
}
