using System.Buffers;
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

    /// <summary>Strips the pieces of one indented string; returns its parts, one per piece.</summary>
    public static StringPart[] Strip(string source, ReadOnlySpan<Piece> pieces)
    {
        if (pieces.Length == 0) return [];

        // The minimum indentation; whitespace-only lines do not count.
        var atStartOfLine = true;
        var minIndent = int.MaxValue;
        var curIndent = 0;
        var longestText = 0;
        foreach (var piece in pieces)
        {
            if (!piece.IsText)
            {
                if (atStartOfLine)
                {
                    atStartOfLine = false;
                    minIndent = Math.Min(minIndent, curIndent);
                }
                if (piece.Decoded is { } escape) longestText = Math.Max(longestText, escape.Length);
                continue;
            }
            longestText = Math.Max(longestText, piece.Span.Length);
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

        // A piece never grows when stripped, so one scratch buffer as long as the longest piece
        // holds each result before it becomes a string.
        var scratch = ArrayPool<char>.Shared.Rent(Math.Max(1, longestText));
        var parts = new StringPart[pieces.Length];
        atStartOfLine = true;
        var curDropped = 0;
        for (var index = 0; index < pieces.Length; index++)
        {
            var piece = pieces[index];
            if (piece.Interpolated is { } interpolation)
            {
                atStartOfLine = false;
                curDropped = 0;
                parts[index] = interpolation;
                continue;
            }

            var text = piece.Decoded is { } decoded ? decoded.AsSpan() : source.AsSpan(piece.Span.Start, piece.Span.Length);
            var length = 0;
            foreach (var c in text)
            {
                if (atStartOfLine)
                {
                    if (c == ' ')
                    {
                        if (curDropped++ >= minIndent) scratch[length++] = c;
                    }
                    else if (c == '\n')
                    {
                        curDropped = 0;
                        scratch[length++] = c;
                    }
                    else
                    {
                        atStartOfLine = false;
                        curDropped = 0;
                        scratch[length++] = c;
                    }
                }
                else
                {
                    scratch[length++] = c;
                    if (c == '\n') atStartOfLine = true;
                }
            }

            // The last piece: drop a final line made only of spaces.
            if (index == pieces.Length - 1)
            {
                var kept = scratch.AsSpan(0, length);
                var lastNewline = kept.LastIndexOf('\n');
                if (lastNewline >= 0 && kept[(lastNewline + 1)..].IndexOfAnyExcept(' ') < 0) length = lastNewline + 1;
            }
            parts[index] = new LiteralPart(piece.Span, piece.Decoded is { } same && length == same.Length ? same : new string(scratch, 0, length));
        }
        ArrayPool<char>.Shared.Return(scratch);
        return parts;
    }
}
