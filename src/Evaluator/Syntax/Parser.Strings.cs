using System.Runtime.InteropServices;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

// Strings "…", indented strings ''…'' and paths, each a sequence of literal pieces and
// ${…} interpolations.
public sealed partial class Parser
{
    private Expr ParseString()
    {
        var open = Advance();
        var parts = _partLists.Rent();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.StringText:
                    Advance();
                    parts.Add(new LiteralPart(token.Span, StringLiteralDecoder.Decode(TextOf(token), _literals)));
                    continue;
                case TokenKind.InterpolationOpen:
                    parts.Add(ParseInterpolation());
                    continue;
                case TokenKind.StringClose:
                    Advance();
                    return new StringExpr(SpanFrom(open.Start), _partLists.ToArrayAndReturn(parts), Indented: false);
                default:
                    // Only the end of the input (or an interpolation that swallowed the rest) gets here.
                    Report(SyntaxDiagnostics.UnterminatedString(_source, token.Span, open.Span));
                    return new StringExpr(SpanFrom(open.Start), _partLists.ToArrayAndReturn(parts), Indented: false);
            }
        }
    }

    private InterpolationPart ParseInterpolation()
    {
        var open = Advance();
        var expr = CanStartExpression(Kind) ? ParseExpression() : MissingOperand("inside '${ }'");
        ExpectInterpolationClose(open);
        return new InterpolationPart(SpanFrom(open.Start), expr);
    }

    private Expr ParseIndentedString()
    {
        var open = Advance();
        var pieces = _pieceLists.Rent();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.IndentedStringText:
                    Advance();
                    pieces.Add(IndentationStripper.Piece.Text(token.Span));
                    continue;
                case TokenKind.IndentedStringEscape:
                    Advance();
                    pieces.Add(IndentationStripper.Piece.Escape(token.Span, DecodeIndentedEscape(token)));
                    continue;
                case TokenKind.InterpolationOpen:
                    pieces.Add(IndentationStripper.Piece.Interpolation(ParseInterpolation()));
                    continue;
                case TokenKind.IndentedStringClose:
                    Advance();
                    return new StringExpr(SpanFrom(open.Start), StripAndReturn(pieces), Indented: true);
                default:
                    Report(SyntaxDiagnostics.UnterminatedIndentedString(_source, token.Span, new TextSpan(open.Start, 2)));
                    return new StringExpr(SpanFrom(open.Start), StripAndReturn(pieces), Indented: true);
            }
        }
    }

    private StringPart[] StripAndReturn(List<IndentationStripper.Piece> pieces)
    {
        var parts = IndentationStripper.Strip(_text, CollectionsMarshal.AsSpan(pieces));
        _pieceLists.Return(pieces);
        return parts;
    }

    /// <summary><c>''$</c> is <c>$</c>, <c>'''</c> is <c>''</c>, <c>''\x</c> is the escape <c>\x</c>; a lone <c>$</c> or <c>'</c> is itself.</summary>
    private string DecodeIndentedEscape(Token token)
    {
        var text = TextOf(token);
        if (text.Length == 1) return text[0] == '$' ? "$" : "'";
        if (text[2] == '$') return "$";
        if (text[2] == '\'') return "''";
        return text[3] switch { 'n' => "\n", 'r' => "\r", 't' => "\t", var c => c.ToString() };
    }

    private Expr ParsePath()
    {
        var first = Advance();
        var parts = _partLists.Rent();
        parts.Add(new LiteralPart(first.Span, _text.Substring(first.Start, first.Length)));
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.PathText:
                    Advance();
                    parts.Add(new LiteralPart(token.Span, _literals.Get(TextOf(token))));
                    continue;
                case TokenKind.InterpolationOpen:
                    parts.Add(ParseInterpolation());
                    continue;
                case TokenKind.PathEnd:
                    Advance();
                    return new PathExpr(SpanFrom(first.Start), _partLists.ToArrayAndReturn(parts));
                default:
                    // The lexer ends every path with PathEnd; only an unclosed interpolation lands here.
                    return new PathExpr(SpanFrom(first.Start), _partLists.ToArrayAndReturn(parts));
            }
        }
    }
}
