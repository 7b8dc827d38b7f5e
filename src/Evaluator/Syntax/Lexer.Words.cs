using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

// Identifiers, keywords, numbers, paths, URIs and the operators that begin with a path
// character: the longest of the candidate matches wins, as in flex.
internal sealed partial class Lexer
{
    private void LexWordLike()
    {
        var start = _pos;
        var c = _text[start];

        var idLength = IsIdentifierStart(c) ? MatchIdentifier(start) : 0;
        if (idLength > 0)
        {
            // The commonest word: followed by no character that continues a path or URI, it is the
            // longest match (one with a quote ends its path run at the quote, so the same holds).
            var next = start + idLength < _text.Length ? _text[start + idLength] : '\0';
            if (!IsPathChar(next) && next != '/' && next != ':')
            {
                _pos += idLength;
                Emit(KeywordOrIdentifier(start, idLength), start, idLength);
                return;
            }
        }

        // A word followed by path characters (`a.b`, `x+y`) that still is no path or URI: a path
        // needs a '/' right after the run of path characters, a URI a ':' right after its scheme
        // (which ends that same run, as ':' is no path character), so one look past the run decides.
        var runEnd = PathRunEnd(start);
        var after = runEnd < _text.Length ? _text[runEnd] : '\0';
        if (idLength > 0 && after != '/' && after != ':')
        {
            _pos += idLength;
            Emit(KeywordOrIdentifier(start, idLength), start, idLength);
            return;
        }

        var intLength = IsDigit(c) ? MatchInteger(start) : 0;
        if (intLength > 0 && intLength == runEnd - start && after != '/')
        {
            // A number no other character of a word continues (nearly every one): nothing else can be longer.
            _pos += intLength;
            Emit(TokenKind.Integer, start, intLength);
            return;
        }
        var floatLength = IsDigit(c) || c == '.' ? MatchFloat(start) : 0;
        var pathSegmentBeforeInterpolation = 0;
        var pathLength = after == '/' ? MatchPath(start, runEnd, out pathSegmentBeforeInterpolation) : 0;
        var uriLength = IsIdentifierStart(c) && c != '_' ? MatchUri(start, runEnd) : 0;
        var (opKind, opLength) = MatchOperator(start);

        var best = Math.Max(Math.Max(Math.Max(idLength, intLength), Math.Max(floatLength, pathLength)), Math.Max(uriLength, opLength));
        if (best == 0)
        {
            _pos++;
            ReportInvalid(start, 1);
            return;
        }

        if (best == idLength)
        {
            _pos += idLength;
            Emit(KeywordOrIdentifier(start, idLength), start, idLength);
        }
        else if (best == intLength)
        {
            _pos += intLength;
            Emit(TokenKind.Integer, start, intLength);
        }
        else if (best == floatLength)
        {
            _pos += floatLength;
            Emit(TokenKind.Float, start, floatLength);
        }
        else if (best == pathLength)
        {
            // "./${": the token is the segment; the "${" is lexed in path mode.
            var tokenLength = pathSegmentBeforeInterpolation > 0 ? pathSegmentBeforeInterpolation : pathLength;
            _pos += tokenLength;
            EmitPathStart(TokenKind.Path, start, tokenLength);
        }
        else if (best == uriLength)
        {
            _pos += uriLength;
            Emit(TokenKind.Uri, start, uriLength);
        }
        else
        {
            _pos += opLength;
            Emit(opKind, start, opLength);
        }
    }

    /// <summary>Where the run of path characters that <paramref name="start"/> is in ends.
    /// Remembered: a run of n characters (<c>a.a.a…</c>, <c>-----1</c>) is lexed as up to n
    /// tokens, and scanning the rest of the run from each of them made lexing quadratic.</summary>
    private int PathRunEnd(int start)
    {
        if (start >= _pathRunStart && start < _pathRunEnd) return _pathRunEnd;
        var end = start;
        while (end < _text.Length && IsPathChar(_text[end])) end++;
        _pathRunStart = start;
        _pathRunEnd = end;
        return end;
    }

    private TokenKind KeywordOrIdentifier(int start, int length)
    {
        var word = _text.AsSpan(start, length);
        return word switch
        {
            "if" => TokenKind.If,
            "then" => TokenKind.Then,
            "else" => TokenKind.Else,
            "assert" => TokenKind.Assert,
            "with" => TokenKind.With,
            "let" => TokenKind.Let,
            "in" => TokenKind.In,
            "rec" => TokenKind.Rec,
            "inherit" => TokenKind.Inherit,
            "or" => TokenKind.OrKeyword,
            "__curPos" => TokenKind.CurPos,
            _ => TokenKind.Identifier,
        };
    }

    private int MatchIdentifier(int start)
    {
        var p = start + 1;
        while (p < _text.Length && IsIdentifierChar(_text[p])) p++;
        return p - start;
    }

    private int MatchInteger(int start)
    {
        var p = start;
        while (p < _text.Length && IsDigit(_text[p])) p++;
        return p - start;
    }

    /// <summary><c>(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?</c></summary>
    private int MatchFloat(int start)
    {
        var p = start;
        var c = Peek(p - _pos);
        if (c >= '1' && c <= '9')
        {
            while (p < _text.Length && IsDigit(_text[p])) p++;
            if (p >= _text.Length || _text[p] != '.') return 0;
            p++;
            while (p < _text.Length && IsDigit(_text[p])) p++;
        }
        else
        {
            if (c == '0') p++;
            if (p + 1 >= _text.Length || _text[p] != '.' || !IsDigit(_text[p + 1])) return 0;
            p += 2;
            while (p < _text.Length && IsDigit(_text[p])) p++;
        }
        if (p < _text.Length && (_text[p] == 'e' || _text[p] == 'E'))
        {
            var q = p + 1;
            if (q < _text.Length && (_text[q] == '+' || _text[q] == '-')) q++;
            if (q < _text.Length && IsDigit(_text[q]))
            {
                while (q < _text.Length && IsDigit(_text[q])) q++;
                p = q;
            }
        }
        return p - start;
    }

    /// <summary>
    /// <c>{PATH_CHAR}*(\/{PATH_CHAR}+)+\/?</c>, or <c>{PATH_CHAR}*\/\$\{</c> (then
    /// <paramref name="segmentBeforeInterpolation"/> is the length without the <c>${</c>).
    /// Returns the flex match length.
    /// </summary>
    private int MatchPath(int start, int runEnd, out int segmentBeforeInterpolation)
    {
        segmentBeforeInterpolation = 0;
        var p = runEnd;
        if (p >= _text.Length || _text[p] != '/') return 0;
        if (p + 2 < _text.Length && _text[p + 1] == '$' && _text[p + 2] == '{')
        {
            segmentBeforeInterpolation = p + 1 - start;
            return p + 3 - start;
        }
        var segments = 0;
        while (p + 1 < _text.Length && _text[p] == '/' && IsPathChar(_text[p + 1]))
        {
            p += 2;
            while (p < _text.Length && IsPathChar(_text[p])) p++;
            segments++;
        }
        if (segments == 0) return 0;
        if (p < _text.Length && _text[p] == '/') p++;
        return p - start;
    }

    /// <summary><c>[a-zA-Z][a-zA-Z0-9\+\-\.]*\:[a-zA-Z0-9\%\/\?\:\@\&amp;\=\+\$\,\-\_\.\!\~\*\']+</c></summary>
    /// <remarks>Scheme characters are the path characters but '_', so the scheme ends at the
    /// first '_' of the run or at its end; the ':' can only follow the run. The first '_' is
    /// remembered for the same reason as <see cref="PathRunEnd"/>.</remarks>
    private int MatchUri(int start, int runEnd)
    {
        if (runEnd >= _text.Length || _text[runEnd] != ':') return 0;
        if (!(start >= _schemeRunStart && start < _schemeRunEnd))
        {
            var end = start + 1;
            while (end < runEnd && _text[end] != '_') end++;
            _schemeRunStart = start;
            _schemeRunEnd = end;
        }
        if (_schemeRunEnd != runEnd) return 0;
        var p = runEnd + 1;
        var rest = p;
        while (p < _text.Length && IsUriChar(_text[p])) p++;
        return p == rest ? 0 : p - start;
    }

    private (TokenKind Kind, int Length) MatchOperator(int start)
    {
        var c = _text[start];
        var next = start + 1 < _text.Length ? _text[start + 1] : '\0';
        switch (c)
        {
            case '.':
                if (next == '.' && start + 2 < _text.Length && _text[start + 2] == '.') return (TokenKind.Ellipsis, 3);
                return (TokenKind.Dot, 1);
            case '/':
                return next == '/' ? (TokenKind.Update, 2) : (TokenKind.Slash, 1);
            case '+':
                return next == '+' ? (TokenKind.Concat, 2) : (TokenKind.Plus, 1);
            case '-':
                return next == '>' ? (TokenKind.Implies, 2) : (TokenKind.Minus, 1);
            default:
                return (TokenKind.Invalid, 0);
        }
    }

    /// <summary><c>~(\/{PATH_CHAR}+)+\/?</c> or <c>~\/\$\{</c>.</summary>
    private bool LexHomePath()
    {
        var start = _pos;
        var p = start + 1;
        if (p >= _text.Length || _text[p] != '/') return false;
        if (p + 2 < _text.Length && _text[p + 1] == '$' && _text[p + 2] == '{')
        {
            _pos = p + 1;
            EmitPathStart(TokenKind.HomePath, start, _pos - start);
            return true;
        }
        var segments = 0;
        while (p + 1 < _text.Length && _text[p] == '/' && IsPathChar(_text[p + 1]))
        {
            p += 2;
            while (p < _text.Length && IsPathChar(_text[p])) p++;
            segments++;
        }
        if (segments == 0) return false;
        if (p < _text.Length && _text[p] == '/') p++;
        _pos = p;
        EmitPathStart(TokenKind.HomePath, start, p - start);
        return true;
    }

    /// <summary><c>\&lt;{PATH_CHAR}+(\/{PATH_CHAR}+)*\&gt;</c>; 0 when it does not match.</summary>
    private int MatchSearchPath(int start)
    {
        var p = start + 1;
        var segmentStart = p;
        while (true)
        {
            while (p < _text.Length && IsPathChar(_text[p])) p++;
            if (p == segmentStart) return 0;
            if (p < _text.Length && _text[p] == '/') { p++; segmentStart = p; continue; }
            break;
        }
        return p < _text.Length && _text[p] == '>' ? p + 1 - start : 0;
    }

    /// <summary>In path mode, after a path segment: an interpolation, more path text, or the end.</summary>
    private void LexPathPiece()
    {
        var start = _pos;
        if (Peek() == '$' && Peek(1) == '{')
        {
            _pos += 2;
            Push(Mode.Normal);
            Emit(TokenKind.InterpolationOpen, start, 2);
            return;
        }
        var p = start;
        while (p < _text.Length && (IsPathChar(_text[p]) || _text[p] == '/')) p++;
        if (p > start)
        {
            // {PATH}|{PATH_SEG}|{PATH_CHAR}+ : slashes may not be doubled.
            var q = start;
            while (q < p)
            {
                if (_text[q] == '/' && q + 1 < p && _text[q + 1] == '/') break;
                q++;
            }
            if (q > start)
            {
                _pos = q;
                Emit(TokenKind.PathText, start, q - start);
                return;
            }
        }

        var previous = _tokens[_count - 1];
        if (previous.Kind is TokenKind.Path or TokenKind.HomePath or TokenKind.PathText && _text[previous.End - 1] == '/')
        {
            // From the path's first token (see EmitPathStart) to the slash.
            var span = TextSpan.FromBounds(_pathStart.Start, previous.End);
            // Nix 2.8's lexer reports it at the last token it read: the character after the path, or at the end
            // of the text the path's last piece (its lexer moves no position for the end).
            var nixAt = previous.End < _text.Length ? new TextSpan(previous.End, 0) : new TextSpan(previous.Start, 0);
            _diagnostics.Add(SyntaxDiagnostics.PathTrailingSlash(_source, span, _source.Substring(span), nixAt));
        }
        Pop();
        Emit(TokenKind.PathEnd, start, 0);
    }

    /// <summary>A path's first token; path mode follows it until the path ends.</summary>
    private void EmitPathStart(TokenKind kind, int start, int length)
    {
        Emit(kind, start, length);
        _pathStart = _tokens[_count - 1];
        Push(Mode.Path);
    }
}
