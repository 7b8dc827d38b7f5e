using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A TOML 1.0 reader for <c>builtins.fromTOML</c>: tables, arrays of tables, inline tables,
/// dotted keys, all string forms, integers (with <c>_</c>, hex, octal, binary), floats and
/// Booleans. Dates and times are rejected, as Nix does without the experimental feature
/// <c>parse-toml-timestamps</c>; with it they are <see cref="TomlTimestamp"/> sets.
/// </summary>
internal sealed class TomlReader
{
    private readonly string _text;
    private readonly bool _timestamps;
    private int _p;

    private TomlReader(string text, bool timestamps)
    {
        _text = text;
        _timestamps = timestamps;
    }

    /// <summary>The document in <paramref name="text"/>, a string of the language (bytes, see <see cref="ByteText"/>).</summary>
    public static Value Parse(string text, SourceLocation? site, bool timestamps = false)
    {
        try
        {
            var root = new Dictionary<string, object>(StringComparer.Ordinal);
            new TomlReader(ByteText.ToUnicode(text), timestamps).Document(root);
            return ToValue(root);
        }
        catch (FormatException e)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.Serialization, $"while parsing a TOML string: {e.Message}", site);
        }
    }

    private static Value ToValue(object value) => value switch
    {
        Dictionary<string, object> table => BuildTable(table),
        List<object> list => ListValue.Of(list.Select(ToValue).ToArray()),
        string s => StringValue.FromUnicode(s),
        long l => IntValue.Of(l),
        double d => new FloatValue(d),
        bool b => BoolValue.Of(b),
        TomlTimestamp t => new AttrSetValue([Symbol.Intern("_type"), Symbol.Intern("value")], [StringValue.Of("timestamp"), StringValue.Of(t.Value)], null),
        _ => throw new FormatException("unsupported value"),
    };

    private static AttrSetValue BuildTable(Dictionary<string, object> table)
    {
        var builder = new AttrSetBuilder(table.Count);
        foreach (var (key, value) in table) builder.Add(ByteText.FromUnicode(key), ToValue(value));
        return builder.Build();
    }

    private FormatException Error(string message)
    {
        var line = 1;
        for (var i = 0; i < _p && i < _text.Length; i++) if (_text[i] == '\n') line++;
        return new FormatException($"{message} (line {line})");
    }

    private char Peek(int offset = 0) => _p + offset < _text.Length ? _text[_p + offset] : '\0';

    private void SkipSpaces()
    {
        while (Peek() is ' ' or '\t') _p++;
    }

    private void SkipComment()
    {
        if (Peek() == '#') while (_p < _text.Length && _text[_p] != '\n') _p++;
    }

    private void SkipBlank()
    {
        while (true)
        {
            SkipSpaces();
            SkipComment();
            if (Peek() is '\n' or '\r') { _p++; continue; }
            return;
        }
    }

    private void EndOfLine()
    {
        SkipSpaces();
        SkipComment();
        if (_p >= _text.Length) return;
        if (Peek() == '\r') _p++;
        if (Peek() != '\n') throw Error("expected the end of the line");
        _p++;
    }

    private void Document(Dictionary<string, object> root)
    {
        var current = root;
        while (true)
        {
            SkipBlank();
            if (_p >= _text.Length) return;
            if (Peek() == '[')
            {
                var arrayOfTables = Peek(1) == '[';
                _p += arrayOfTables ? 2 : 1;
                SkipSpaces();
                var keys = Key();
                SkipSpaces();
                if (Peek() != ']' || (arrayOfTables && Peek(1) != ']')) throw Error("expected ']'");
                _p += arrayOfTables ? 2 : 1;
                EndOfLine();
                var parent = root;
                for (var k = 0; k < keys.Count - 1; k++) parent = Descend(parent, keys[k]);
                var last = keys[^1];
                if (arrayOfTables)
                {
                    if (!parent.TryGetValue(last, out var existing)) parent[last] = existing = new List<object>();
                    if (existing is not List<object> list) throw Error($"key '{last}' is not an array of tables");
                    var table = new Dictionary<string, object>(StringComparer.Ordinal);
                    list.Add(table);
                    current = table;
                }
                else
                {
                    current = Descend(parent, last);
                }
                continue;
            }
            KeyValue(current);
            EndOfLine();
        }
    }

    private Dictionary<string, object> Descend(Dictionary<string, object> table, string key)
    {
        if (!table.TryGetValue(key, out var next)) table[key] = next = new Dictionary<string, object>(StringComparer.Ordinal);
        return next switch
        {
            Dictionary<string, object> t => t,
            List<object> { Count: > 0 } l when l[^1] is Dictionary<string, object> t => t,
            _ => throw Error($"key '{key}' is already defined as a value"),
        };
    }

    private void KeyValue(Dictionary<string, object> table)
    {
        var keys = Key();
        SkipSpaces();
        if (Peek() != '=') throw Error("expected '='");
        _p++;
        SkipSpaces();
        var value = Value();
        for (var k = 0; k < keys.Count - 1; k++) table = Descend(table, keys[k]);
        if (table.ContainsKey(keys[^1])) throw Error($"duplicate key '{keys[^1]}'");
        table[keys[^1]] = value;
    }

    private List<string> Key()
    {
        var keys = new List<string>();
        while (true)
        {
            SkipSpaces();
            string key;
            if (Peek() == '"') key = BasicString();
            else if (Peek() == '\'') key = LiteralString();
            else
            {
                var start = _p;
                while (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '_' or '-') _p++;
                if (_p == start) throw Error("expected a key");
                key = _text[start.._p];
            }
            if (key.Contains('\0')) throw Error("keys may not contain NUL");
            keys.Add(key);
            SkipSpaces();
            if (Peek() != '.') return keys;
            _p++;
        }
    }

    private object Value()
    {
        var c = Peek();
        switch (c)
        {
            case '"':
            case '\'':
            {
                var s = c == '"' ? BasicString() : LiteralString();
                if (s.Contains('\0')) throw Error("strings may not contain NUL");
                return s;
            }
            case '[':
            {
                _p++;
                var list = new List<object>();
                while (true)
                {
                    SkipBlank();
                    if (Peek() == ']') { _p++; return list; }
                    list.Add(Value());
                    SkipBlank();
                    if (Peek() == ',') { _p++; continue; }
                    if (Peek() == ']') { _p++; return list; }
                    throw Error("expected ',' or ']'");
                }
            }
            case '{':
            {
                _p++;
                var table = new Dictionary<string, object>(StringComparer.Ordinal);
                SkipSpaces();
                if (Peek() == '}') { _p++; return table; }
                while (true)
                {
                    KeyValue(table);
                    SkipSpaces();
                    if (Peek() == ',') { _p++; continue; }
                    if (Peek() == '}') { _p++; return table; }
                    throw Error("expected ',' or '}'");
                }
            }
        }
        var start = _p;
        while (_p < _text.Length && !(Peek() is ',' or ']' or '}' or '\n' or '\r' or '#') && !(Peek() == ' ' && !LooksLikeDateTime(start))) _p++;
        var token = _text[start.._p].TrimEnd();
        return Scalar(token);
    }

    private bool LooksLikeDateTime(int start) => _p - start == 10 && _text[start + 4] == '-' && char.IsAsciiDigit(Peek(1));

    private object Scalar(string token)
    {
        switch (token)
        {
            case "true": return true;
            case "false": return false;
            case "inf" or "+inf": return double.PositiveInfinity;
            case "-inf": return double.NegativeInfinity;
            case "nan" or "+nan" or "-nan": return double.NaN;
        }
        if (token.Length >= 8 && token.Length > 4 && token[4] == '-' && char.IsAsciiDigit(token[0]) || token.Length >= 5 && token[2] == ':')
        {
            if (_timestamps && TomlTimestamp.TryParse(token) is { } timestamp) return timestamp;
            // Nix 2.8's exact words, without a line: its TOML library's own errors are not copied.
            throw new FormatException("Dates and times are not supported");
        }
        var clean = token.Replace("_", "");
        try
        {
            if (clean.StartsWith("0x", StringComparison.Ordinal)) return Convert.ToInt64(clean[2..], 16);
            if (clean.StartsWith("0o", StringComparison.Ordinal)) return Convert.ToInt64(clean[2..], 8);
            if (clean.StartsWith("0b", StringComparison.Ordinal)) return Convert.ToInt64(clean[2..], 2);
            if (long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            if (clean.Length > 0 && clean.TrimStart('+', '-').All(char.IsAsciiDigit)) throw Error($"integer '{token}' is out of range");
            if (double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        }
        catch (OverflowException)
        {
            throw Error($"integer '{token}' is out of range");
        }
        throw Error($"invalid value '{token}'");
    }

    private string LiteralString()
    {
        if (_text.AsSpan(_p).StartsWith("'''"))
        {
            _p += 3;
            if (Peek() == '\r') _p++;
            if (Peek() == '\n') _p++;
            var end = _text.IndexOf("'''", _p, StringComparison.Ordinal);
            if (end < 0) throw Error("unterminated string");
            while (end + 3 < _text.Length && _text[end + 3] == '\'') end++;
            var s = _text[_p..end];
            _p = end + 3;
            return s;
        }
        _p++;
        var close = _text.IndexOf('\'', _p);
        if (close < 0) throw Error("unterminated string");
        var literal = _text[_p..close];
        _p = close + 1;
        return literal;
    }

    private string BasicString()
    {
        var multiline = _text.AsSpan(_p).StartsWith("\"\"\"");
        _p += multiline ? 3 : 1;
        if (multiline)
        {
            if (Peek() == '\r') _p++;
            if (Peek() == '\n') _p++;
        }
        var builder = new StringBuilder();
        while (true)
        {
            if (_p >= _text.Length) throw Error("unterminated string");
            var c = _text[_p];
            if (c == '"')
            {
                if (!multiline) { _p++; return builder.ToString(); }
                if (_text.AsSpan(_p).StartsWith("\"\"\""))
                {
                    var extra = 0;
                    while (_p + 3 + extra < _text.Length && _text[_p + 3 + extra] == '"' && extra < 2) extra++;
                    builder.Append('"', extra);
                    _p += 3 + extra;
                    return builder.ToString();
                }
            }
            if (c == '\n' && !multiline) throw Error("newline in a string");
            if (c == '\\')
            {
                _p++;
                var e = Peek();
                switch (e)
                {
                    case 'b': builder.Append('\b'); _p++; break;
                    case 't': builder.Append('\t'); _p++; break;
                    case 'n': builder.Append('\n'); _p++; break;
                    case 'f': builder.Append('\f'); _p++; break;
                    case 'r': builder.Append('\r'); _p++; break;
                    case 'e': builder.Append('\u001b'); _p++; break;
                    case '"': builder.Append('"'); _p++; break;
                    case '\\': builder.Append('\\'); _p++; break;
                    case 'u' or 'U':
                    {
                        var length = e == 'u' ? 4 : 8;
                        // A Unicode scalar value only: no surrogates, nothing past U+10FFFF.
                        if (_p + 1 + length > _text.Length
                            || !int.TryParse(_text.AsSpan(_p + 1, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                            || !Rune.IsValid(code))
                        {
                            throw Error($"invalid escape '\\{e}{_text.AsSpan(_p + 1, Math.Min(length, _text.Length - _p - 1))}'");
                        }
                        builder.Append(char.ConvertFromUtf32(code));
                        _p += 1 + length;
                        break;
                    }
                    default:
                        if (multiline && e is ' ' or '\t' or '\n' or '\r')
                        {
                            while (Peek() is ' ' or '\t' or '\n' or '\r') _p++;
                            break;
                        }
                        throw Error($"invalid escape '\\{e}'");
                }
                continue;
            }
            builder.Append(c);
            _p++;
        }
    }
}
