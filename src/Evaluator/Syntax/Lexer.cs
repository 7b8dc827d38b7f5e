using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Turns source text into tokens, following the rules of Nix's flex lexer: longest match
/// between identifiers, numbers, paths and URIs; a stack of modes for strings, indented
/// strings and paths, so that <c>}</c> knows whether it closes a set or an interpolation.
/// Tokens are structs holding offsets only; no substring is taken here. Lexical errors
/// (invalid characters, unterminated comments, trailing slashes) go to the bag and lexing
/// goes on, so one run reports all of them.
/// </summary>
internal sealed partial class Lexer
{
    private enum Mode : byte { Normal, String, IndentedString, Path }

    private readonly SourceText _source;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private Token[] _tokens;
    private int _count;
    private Mode[] _modes = new Mode[16];
    private int _modeDepth;
    private int _pos;
    private bool _finished;

    /// <summary>The last Path or HomePath token: where the path that path mode is in began
    /// (the tokens before it may have been handed to the parser and dropped).</summary>
    private Token _pathStart;
    private int _pathRunStart, _pathRunEnd, _schemeRunStart, _schemeRunEnd;

    private Lexer(SourceText source, DiagnosticBag diagnostics, Token[] buffer)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        _tokens = buffer;
    }

    /// <summary>A lexer that the parser pulls tokens from a few at a time (<see cref="LexMore"/>),
    /// so a large file never has all its tokens in memory at once (a 660 KB file had 3 MB of them).</summary>
    internal static Lexer Streaming(SourceText source, DiagnosticBag diagnostics) => new(source, diagnostics, new Token[256]);

    /// <summary>The tokens lexed and not yet dropped: the first <see cref="Count"/> items.</summary>
    internal Token[] Buffer => _tokens;

    internal int Count => _count;

    /// <summary>Lexes until at least one more token is in the buffer; false once the end-of-file
    /// token has been produced.</summary>
    internal bool LexMore()
    {
        var before = _count;
        while (_count == before)
        {
            if (_finished) return false;
            if (!LexStep()) Finish();
        }
        return true;
    }

    /// <summary>Drops up to the first <paramref name="consumed"/> tokens (the parser is past them)
    /// and says how many it dropped: the last token stays, as path mode looks back at it.</summary>
    internal int Drop(int consumed)
    {
        consumed = Math.Min(consumed, _count - 1);
        if (consumed <= 0) return 0;
        Array.Copy(_tokens, consumed, _tokens, 0, _count - consumed);
        _count -= consumed;
        return consumed;
    }

    private Mode CurrentMode => _modeDepth == 0 ? Mode.Normal : _modes[_modeDepth - 1];

    private void Push(Mode mode)
    {
        if (_modeDepth == _modes.Length) Array.Resize(ref _modes, _modes.Length * 2);
        _modes[_modeDepth++] = mode;
    }

    private void Pop()
    {
        if (_modeDepth > 0) _modeDepth--;
    }

    private void Emit(TokenKind kind, int start, int length)
    {
        if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[_count++] = new Token(kind, start, length);
    }

    private char Peek(int ahead = 0)
    {
        var i = _pos + ahead;
        return i < _text.Length ? _text[i] : '\0';
    }

    private bool AtEnd => _pos >= _text.Length;

    private void Finish()
    {
        Emit(TokenKind.EndOfFile, _text.Length, 0);
        _finished = true;
    }

    /// <summary>One piece in the current mode (zero or more tokens); false at the end of the input.</summary>
    private bool LexStep()
    {
        switch (CurrentMode)
        {
            case Mode.String:
                return LexStringPiece();
            case Mode.IndentedString:
                return LexIndentedStringPiece();
            case Mode.Path:
                LexPathPiece();
                return true;
            default:
                return LexNormal();
        }
    }

    /// <summary>One token in normal mode; false at the end of the input.</summary>
    private bool LexNormal()
    {
        SkipTrivia();
        if (AtEnd) return false;
        var start = _pos;
        var c = _text[_pos];
        switch (c)
        {
            case '{': _pos++; Push(Mode.Normal); Emit(TokenKind.OpenBrace, start, 1); return true;
            case '}': _pos++; Pop(); Emit(TokenKind.CloseBrace, start, 1); return true;
            case '[': _pos++; Emit(TokenKind.OpenBracket, start, 1); return true;
            case ']': _pos++; Emit(TokenKind.CloseBracket, start, 1); return true;
            case '(': _pos++; Emit(TokenKind.OpenParen, start, 1); return true;
            case ')': _pos++; Emit(TokenKind.CloseParen, start, 1); return true;
            case ';': _pos++; Emit(TokenKind.Semicolon, start, 1); return true;
            case ':': _pos++; Emit(TokenKind.Colon, start, 1); return true;
            case ',': _pos++; Emit(TokenKind.Comma, start, 1); return true;
            case '@': _pos++; Emit(TokenKind.At, start, 1); return true;
            case '?': _pos++; Emit(TokenKind.Question, start, 1); return true;
            case '*': _pos++; Emit(TokenKind.Star, start, 1); return true;
            case '"': _pos++; Push(Mode.String); Emit(TokenKind.StringOpen, start, 1); return true;
            case '$':
                if (Peek(1) == '{') { _pos += 2; Push(Mode.Normal); Emit(TokenKind.InterpolationOpen, start, 2); return true; }
                break;
            case '\'':
                if (Peek(1) == '\'')
                {
                    _pos += 2;
                    // ''  followed by spaces and a newline: those belong to the opening token.
                    var p = _pos;
                    while (p < _text.Length && _text[p] == ' ') p++;
                    if (p < _text.Length && _text[p] == '\n') _pos = p + 1;
                    Push(Mode.IndentedString);
                    Emit(TokenKind.IndentedStringOpen, start, _pos - start);
                    return true;
                }
                break;
            case '=':
                if (Peek(1) == '=') return Op(TokenKind.Equal, 2);
                return Op(TokenKind.Assign, 1);
            case '!':
                if (Peek(1) == '=') return Op(TokenKind.NotEqual, 2);
                return Op(TokenKind.Not, 1);
            case '&':
                if (Peek(1) == '&') return Op(TokenKind.And, 2);
                break;
            case '|':
                if (Peek(1) == '|') return Op(TokenKind.Or, 2);
                if (Peek(1) == '>') return Op(TokenKind.PipeRight, 2);
                break;
            case '>':
                if (Peek(1) == '=') return Op(TokenKind.GreaterOrEqual, 2);
                return Op(TokenKind.Greater, 1);
            case '<':
                {
                    var searchPath = MatchSearchPath(_pos);
                    if (searchPath > 0) return Op(TokenKind.SearchPath, searchPath);
                    if (Peek(1) == '=') return Op(TokenKind.LessOrEqual, 2);
                    if (Peek(1) == '|') return Op(TokenKind.PipeLeft, 2);
                    return Op(TokenKind.Less, 1);
                }
            case '~':
                if (LexHomePath()) return true;
                break;
        }

        if (IsPathChar(c) || c == '/')
        {
            LexWordLike();
            return true;
        }

        // Anything else is invalid: reported here and skipped, so the parser goes on as if it
        // were not there (one error, not a cascade). A surrogate pair is one character.
        var length = char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1;
        _pos += length;
        ReportInvalid(start, length);
        return true;
    }

    private void ReportInvalid(int start, int length)
    {
        var text = _text.Substring(start, length);
        var shown = text.Length == 1 && char.IsControl(text[0]) ? $"U+{(int)text[0]:X4}" : $"'{text}'";
        _diagnostics.Add(SyntaxDiagnostics.InvalidCharacter(_source, new TextSpan(start, length), shown));
    }

    private bool Op(TokenKind kind, int length)
    {
        Emit(kind, _pos, length);
        _pos += length;
        return true;
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                // The next line's indentation (40-80 spaces in deeply nested code): its end is
                // searched for at once rather than a character at a time.
                var indentation = _text.AsSpan(_pos + 1).IndexOfAnyExcept(' ');
                _pos = indentation < 0 ? _text.Length : _pos + 1 + indentation;
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _diagnostics.Add(SyntaxDiagnostics.UnterminatedComment(_source, new TextSpan(_pos, 2)));
                    _pos = _text.Length;
                    return;
                }
                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsPathChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '.' || c == '_' || c == '-' || c == '+';

    private static bool IsIdentifierStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsIdentifierChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || c == '\'' || c == '-';

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsUriChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 ||
        c is '%' or '/' or '?' or ':' or '@' or '&' or '=' or '+' or '$' or ',' or '-' or '_' or '.' or '!' or '~' or '*' or '\'';
}
