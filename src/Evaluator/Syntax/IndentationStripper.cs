using System.Text;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Nix's indentation stripping for <c>''…''</c> strings, exactly as its parser does it: the
/// smallest indentation of the lines is removed from every line, where lines holding only
/// spaces do not count; an interpolation or an escape ends a line's leading whitespace; a
/// final line of only spaces is dropped when the string has no other piece. Each piece stays
/// a separate part, as in Nix, so printing matches <c>nix-instantiate --parse</c>.
/// </summary>
public static class IndentationStripper
{
    /// <summary>A piece of an indented string before stripping.</summary>
    public readonly record struct Piece(TextSpan Span, string? Decoded, InterpolationPart? Interpolated)
    {
        /// <summary>Raw text that takes part in stripping.</summary>
        public static Piece Text(TextSpan span) => new(span, null, null);

        /// <summary>An escape: literal text that ends leading whitespace and is never stripped.</summary>
        public static Piece Escape(TextSpan span, string decoded) => new(span, decoded, null);

        public static Piece Interpolation(InterpolationPart part) => new(part.Span, null, part);

        public bool IsText => Decoded is null && Interpolated is null;
    }

    public static IReadOnlyList<StringPart> Strip(string source, IReadOnlyList<Piece> pieces)
    {
        if (pieces.Count == 0) return [];

        // The minimum indentation; whitespace-only lines do not count.
        var atStartOfLine = true;
        var minIndent = int.MaxValue;
        var curIndent = 0;
        foreach (var piece in pieces)
        {
            if (!piece.IsText)
            {
                if (atStartOfLine)
                {
                    atStartOfLine = false;
                    minIndent = Math.Min(minIndent, curIndent);
                }
                continue;
            }
            var text = source.AsSpan(piece.Span.Start, piece.Span.Length);
            foreach (var c in text)
            {
                if (atStartOfLine)
                {
                    if (c == ' ') curIndent++;
                    else if (c == '\n') curIndent = 0;
                    else
                    {
                        atStartOfLine = false;
                        minIndent = Math.Min(minIndent, curIndent);
                    }
                }
                else if (c == '\n')
                {
                    atStartOfLine = true;
                    curIndent = 0;
                }
            }
        }

        var parts = new List<StringPart>(pieces.Count);
        atStartOfLine = true;
        var curDropped = 0;
        var remaining = pieces.Count;
        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Interpolated is { } interpolation)
            {
                atStartOfLine = false;
                curDropped = 0;
                parts.Add(interpolation);
            }
            else
            {
                var text = piece.Decoded is { } decoded ? decoded.AsSpan() : source.AsSpan(piece.Span.Start, piece.Span.Length);
                builder.Clear();
                foreach (var c in text)
                {
                    if (atStartOfLine)
                    {
                        if (c == ' ')
                        {
                            if (curDropped++ >= minIndent) builder.Append(c);
                        }
                        else if (c == '\n')
                        {
                            curDropped = 0;
                            builder.Append(c);
                        }
                        else
                        {
                            atStartOfLine = false;
                            curDropped = 0;
                            builder.Append(c);
                        }
                    }
                    else
                    {
                        builder.Append(c);
                        if (c == '\n') atStartOfLine = true;
                    }
                }

                // The last piece: drop a final line made only of spaces.
                if (remaining == 1)
                {
                    var s = builder.ToString();
                    var lastNewline = s.LastIndexOf('\n');
                    if (lastNewline >= 0 && s.AsSpan(lastNewline + 1).IndexOfAnyExcept(' ') < 0)
                        builder.Length = lastNewline + 1;
                }
                parts.Add(new LiteralPart(piece.Span, builder.ToString()));
            }
            remaining--;
        }
        return parts;
    }
}
