namespace ConfigLang.Evaluator.Syntax;

// String and indented-string modes. Text pieces keep their escapes; the parser decodes them
// (see StringLiteralDecoder) so the lexer never builds a string.
internal sealed partial class Lexer
{
    /// <summary>One piece of a <c>"…"</c> string; false at the end of the input.</summary>
    private bool LexStringPiece()
    {
        if (AtEnd) return false;
        var start = _pos;
        var c = _text[_pos];
        if (c == '"')
        {
            _pos++;
            Pop();
            Emit(TokenKind.StringClose, start, 1);
            return true;
        }
        if (c == '$' && Peek(1) == '{')
        {
            _pos += 2;
            Push(Mode.Normal);
            Emit(TokenKind.InterpolationOpen, start, 2);
            return true;
        }
        var p = _pos;
        while (p < _text.Length)
        {
            var ch = _text[p];
            if (ch == '"') break;
            if (ch == '\\') { p += 2; continue; }
            if (ch == '$' && p + 1 < _text.Length)
            {
                // ([^$"\\]|\$[^{"\\]|\\.|\$\\.)* : a '$' takes the next character with it, so "$${" is text.
                var next = _text[p + 1];
                if (next == '{') break;
                p += next == '"' ? 1 : next == '\\' ? 3 : 2;
                continue;
            }
            p++;
        }
        _pos = Math.Min(p, _text.Length);
        Emit(TokenKind.StringText, start, _pos - start);
        return true;
    }

    /// <summary>One piece of an indented string; false at the end of the input.</summary>
    private bool LexIndentedStringPiece()
    {
        if (AtEnd) return false;
        var start = _pos;
        var c = _text[_pos];
        var next = Peek(1);
        if (c == '\'' && next == '\'')
        {
            var third = Peek(2);
            if (third == '$' || third == '\'') return IndentedEscape(3);
            if (third == '\\' && _pos + 3 < _text.Length) return IndentedEscape(4);
            _pos += 2;
            Pop();
            Emit(TokenKind.IndentedStringClose, start, 2);
            return true;
        }
        if (c == '$' && next == '{')
        {
            _pos += 2;
            Push(Mode.Normal);
            Emit(TokenKind.InterpolationOpen, start, 2);
            return true;
        }
        var atEndAfter = _pos + 1 >= _text.Length;
        if (c == '$' && (next == '\'' || atEndAfter)) return IndentedEscape(1);
        if (c == '\'' && (next == '$' || atEndAfter)) return IndentedEscape(1);

        // ([^\$\']|\$[^\{\']|\'[^\'\$])+
        var p = _pos;
        while (p < _text.Length)
        {
            var ch = _text[p];
            if (ch == '$' || ch == '\'')
            {
                if (p + 1 >= _text.Length) break;
                var n = _text[p + 1];
                if (ch == '$' ? n == '{' || n == '\'' : n == '\'' || n == '$') break;
                p += 2;
                continue;
            }
            p++;
        }
        _pos = p;
        Emit(TokenKind.IndentedStringText, start, p - start);
        return true;
    }

    private bool IndentedEscape(int length)
    {
        Emit(TokenKind.IndentedStringEscape, _pos, length);
        _pos += length;
        return true;
    }
}
