namespace ConfigLang.Evaluator.Text;

/// <summary>A span together with the source it belongs to: what every diagnostic points at.</summary>
public readonly record struct SourceLocation(SourceText Source, TextSpan Span)
{
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    public LinePosition End => Source.GetLinePosition(Span.End);

    /// <summary>The start's column as Nix gives it to programs: counted in UTF-8 bytes (<see cref="SourceText.GetByteColumn"/>).</summary>
    public int ByteColumn => Source.GetByteColumn(Span.Start);

    /// <summary>This attribute position as Nix 2.8 gives it (<c>unsafeGetAttrPos</c>, its traces, <c>--xml</c>): an
    /// attribute defined through a dotted path (<c>a.b = 1;</c>) is at the path's start, not at its own name.</summary>
    public SourceLocation NixAttributePosition
    {
        get
        {
            var start = Source.NixAttributeStart(Span.Start);
            return start == Span.Start ? this : new SourceLocation(Source, TextSpan.FromBounds(start, Span.End));
        }
    }

    /// <summary><c>path:line:column</c>, the form users paste into editors (library files by their <see cref="SourceText.Name"/>).</summary>
    public override string ToString() => $"{Source.Name}:{Start}";
}
