using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>fromJSON</c>'s parser. It reads the string's chars, which are the document's bytes (see
/// <see cref="ByteText"/>), straight into values: a string without escapes is a substring of the
/// document (no transcoding, no copy of the document as bytes), an object's members are gathered
/// on one shared stack and become a sorted set in one step, and what repeats in a document (the
/// same keys in every object, short values such as <c>"web"</c>, the same key lists) is made
/// once. A 5 MB inventory took half of its program's time and a third of its memory before.
/// Duplicate keys: the last one wins, as in Nix.
/// </summary>
internal sealed class JsonReader
{
    /// <summary>Deeper nesting than this is refused (as the earlier reader's limit).</summary>
    private const int MaxDepth = 100000;

    /// <summary>Values up to this many bytes are shared when they repeat.</summary>
    private const int SharedValueLength = 16;

    private const int CacheSize = 256;

    private readonly string _text;
    private readonly SourceLocation? _site;
    private int _pos;
    private int _depth;

    // Members of the objects and items of the arrays being read, innermost last.
    private Symbol[] _names = new Symbol[64];
    private Value[] _memberValues = new Value[64];
    private int _memberCount;
    private Value[] _items = new Value[64];
    private int _itemCount;

    private readonly Symbol?[] _recentKeys = new Symbol?[CacheSize];
    private readonly StringValue?[] _recentValues = new StringValue?[CacheSize];
    // The key list of the last object of each size: objects of one document mostly share theirs,
    // and a set's names array is never changed, so they can share the array too.
    private readonly Symbol[]?[] _recentKeyLists = new Symbol[]?[16];
    private StringBuilder? _unescaped;

    private JsonReader(string text, SourceLocation? site)
    {
        _text = text;
        _site = site;
    }

    /// <summary>The value of a JSON document held as a byte string.</summary>
    public static Value Parse(string text, SourceLocation? site)
    {
        var reader = new JsonReader(text, site);
        // A leading byte-order mark is skipped, as Nix's parser does.
        if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal)) reader._pos = 3;
        reader.SkipWhiteSpace();
        var value = reader.ReadValue();
        reader.SkipWhiteSpace();
        if (reader._pos < text.Length) throw reader.Error("unexpected content after the JSON value");
        return value;
    }

    private Value ReadValue()
    {
        if (_pos >= _text.Length) throw Error("unexpected end of input; expected a value");
        switch (_text[_pos])
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadStringValue();
            case 't': ReadLiteral("true"); return BoolValue.True;
            case 'f': ReadLiteral("false"); return BoolValue.False;
            case 'n': ReadLiteral("null"); return NullValue.Instance;
            case '-' or (>= '0' and <= '9'): return ReadNumber();
            default: throw Error($"unexpected {Describe(_text[_pos])}; expected a value");
        }
    }

    private Value ReadObject()
    {
        Enter();
        _pos++;
        var start = _memberCount;
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return AttrSetValue.Empty;
        }
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"') throw Error($"unexpected {DescribeNext()}; expected a string as an object key");
            var name = ReadKey();
            SkipWhiteSpace();
            if (Peek() != ':') throw Error($"unexpected {DescribeNext()}; expected ':'");
            _pos++;
            SkipWhiteSpace();
            var value = ReadValue();
            if (_memberCount == _names.Length)
            {
                Array.Resize(ref _names, _memberCount * 2);
                Array.Resize(ref _memberValues, _memberCount * 2);
            }
            _names[_memberCount] = name;
            _memberValues[_memberCount++] = value;
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == ',') continue;
            if (next == '}') break;
            _pos--;
            throw Error($"unexpected {DescribeNext()}; expected ',' or '}}'");
        }
        var set = BuildSet(start, _memberCount - start);
        Array.Clear(_memberValues, start, _memberCount - start);
        _memberCount = start;
        _depth--;
        return set;
    }

    /// <summary>The members at <paramref name="start"/> as a set: taken as they are when sorted
    /// (a document written with sorted keys), otherwise sorted with the last of equal keys kept.</summary>
    private AttrSetValue BuildSet(int start, int count)
    {
        var names = _names.AsSpan(start, count);
        var values = _memberValues.AsSpan(start, count).ToArray();
        if (AttrSetBuilder.IsStrictlySorted(names)) return new AttrSetValue(SharedKeyList(names), values, null);
        return AttrSetBuilder.FromUnordered(names.ToArray(), values, count, lastWins: true);
    }

    /// <summary>The last key list of this size when it holds the same keys, else a new one remembered instead.</summary>
    private Symbol[] SharedKeyList(ReadOnlySpan<Symbol> names)
    {
        var slot = names.Length & (_recentKeyLists.Length - 1);
        if (_recentKeyLists[slot] is { } recent && recent.AsSpan().SequenceEqual(names)) return recent;
        var list = names.ToArray();
        _recentKeyLists[slot] = list;
        return list;
    }

    private Value ReadArray()
    {
        Enter();
        _pos++;
        var start = _itemCount;
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return ListValue.Empty;
        }
        while (true)
        {
            SkipWhiteSpace();
            var item = ReadValue();
            if (_itemCount == _items.Length) Array.Resize(ref _items, _itemCount * 2);
            _items[_itemCount++] = item;
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == ',') continue;
            if (next == ']') break;
            _pos--;
            throw Error($"unexpected {DescribeNext()}; expected ',' or ']'");
        }
        var list = ListValue.Of(_items.AsSpan(start, _itemCount - start).ToArray());
        Array.Clear(_items, start, _itemCount - start);
        _itemCount = start;
        _depth--;
        return list;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Error("the document is nested too deeply");
    }

    private Symbol ReadKey()
    {
        var end = EndOfPlainString();
        if (_text[end] == '"')
        {
            var span = _text.AsSpan(_pos + 1, end - _pos - 1);
            _pos = end + 1;
            var slot = Hash(span);
            if (_recentKeys[slot] is { } recent && recent.Name.AsSpan().SequenceEqual(span)) return recent;
            return _recentKeys[slot] = Symbol.Intern(span);
        }
        return Symbol.Intern(ReadEscaped(end));
    }

    private StringValue ReadStringValue()
    {
        var end = EndOfPlainString();
        if (_text[end] != '"') return StringValue.Of(ReadEscaped(end));
        var start = _pos + 1;
        var length = end - start;
        _pos = end + 1;
        if (length > SharedValueLength) return new StringValue(_text.Substring(start, length));
        if (length == 0) return StringValue.Empty;
        var span = _text.AsSpan(start, length);
        var slot = Hash(span);
        if (_recentValues[slot] is { } recent && recent.Text.AsSpan().SequenceEqual(span)) return recent;
        return _recentValues[slot] = new StringValue(span.ToString());
    }

    private static int Hash(ReadOnlySpan<char> span) =>
        span.Length == 0 ? 0 : (span.Length * 31 + span[0] * 7 + span[^1] * 13 + span[span.Length / 2]) & (CacheSize - 1);

    /// <summary>From the opening quote at the position: where the string ends if it has no escape
    /// (its closing quote), else where its first backslash is. Raw control characters are refused.</summary>
    private int EndOfPlainString()
    {
        var rest = _text.AsSpan(_pos + 1);
        var at = rest.IndexOfAny('"', '\\');
        if (at < 0)
        {
            _pos = _text.Length;
            throw Error("unexpected end of input in a string");
        }
        var control = rest[..at].IndexOfAnyInRange('\0', '\u001F');
        if (control >= 0)
        {
            _pos += 1 + control;
            throw Error($"unexpected {Describe(rest[control])} in a string; control characters must be escaped");
        }
        return _pos + 1 + at;
    }

    /// <summary>A string with escapes, whose first backslash is at <paramref name="backslash"/>: its
    /// bytes (a <c>\u</c> escape as the UTF-8 of the character). A NUL is refused, as in any Nix string.</summary>
    private string ReadEscaped(int backslash)
    {
        var builder = _unescaped ??= new StringBuilder();
        builder.Clear();
        builder.Append(_text, _pos + 1, backslash - _pos - 1);
        _pos = backslash;
        while (true)
        {
            if (_pos >= _text.Length) throw Error("unexpected end of input in a string");
            var c = _text[_pos];
            if (c == '"') break;
            if (c < ' ') throw Error($"unexpected {Describe(c)} in a string; control characters must be escaped");
            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }
            if (_pos + 1 >= _text.Length) throw Error("unexpected end of input in a string");
            var escape = _text[_pos + 1];
            _pos += 2;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u': AppendUtf8(builder, ReadCodePoint()); break;
                default:
                    _pos -= 2;
                    throw Error($"invalid escape '\\{escape}' in a string");
            }
        }
        _pos++;
        var text = builder.ToString();
        return text.Contains('\0') ? NulBytes.Rejected(ByteText.ToUnicode(text), _site) : text;
    }

    /// <summary>After <c>\u</c>: the character, a surrogate pair's two escapes read as one.</summary>
    private int ReadCodePoint()
    {
        var unit = ReadHex4();
        if (unit is >= 0xDC00 and <= 0xDFFF) throw Error("a low surrogate \\u escape without a high surrogate before it");
        if (unit is < 0xD800 or > 0xDBFF) return unit;
        if (_pos + 1 >= _text.Length || _text[_pos] != '\\' || _text[_pos + 1] != 'u') throw Error("a high surrogate \\u escape without a low surrogate after it");
        _pos += 2;
        var low = ReadHex4();
        if (low is < 0xDC00 or > 0xDFFF) throw Error("a high surrogate \\u escape without a low surrogate after it");
        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }

    private int ReadHex4()
    {
        if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
        {
            throw Error("expected four hexadecimal digits after \\u");
        }
        _pos += 4;
        return unit;
    }

    private static void AppendUtf8(StringBuilder builder, int codePoint)
    {
        Span<byte> bytes = stackalloc byte[4];
        var length = new Rune(codePoint).EncodeToUtf8(bytes);
        foreach (var b in bytes[..length]) builder.Append((char)b);
    }

    /// <summary>A number as JSON writes it; an integer unless it has a fraction or an exponent.</summary>
    private Value ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-') _pos++;
        if (Peek() == '0') _pos++;
        else if (!SkipDigits()) throw Error($"unexpected {DescribeNext()}; expected a digit");
        var integral = true;
        if (Peek() == '.')
        {
            _pos++;
            integral = false;
            if (!SkipDigits()) throw Error($"unexpected {DescribeNext()}; expected a digit after '.'");
        }
        if (Peek() is 'e' or 'E')
        {
            _pos++;
            integral = false;
            if (Peek() is '+' or '-') _pos++;
            if (!SkipDigits()) throw Error($"unexpected {DescribeNext()}; expected a digit in the exponent");
        }
        var number = _text.AsSpan(start, _pos - start);
        if (!integral) return new FloatValue(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return IntValue.Of(value);
        throw Error($"number {number} is out of the range of integers", at: false);
    }

    private bool SkipDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        return _pos > start;
    }

    private void ReadLiteral(string literal)
    {
        if (!_text.AsSpan(_pos).StartsWith(literal, StringComparison.Ordinal)) throw Error($"invalid literal; expected '{literal}'");
        _pos += literal.Length;
    }

    private void SkipWhiteSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private string DescribeNext() => _pos < _text.Length ? Describe(_text[_pos]) : "end of input";

    private static string Describe(char c) => c is >= ' ' and < '\u007F' ? $"'{c}'" : $"byte 0x{(int)c:X2}";

    /// <summary>The error at the position, with its line and column (1-based, in bytes) as Nix gives them.</summary>
    private EvaluationException Error(string message, bool at = true)
    {
        if (at)
        {
            var before = _text.AsSpan(0, Math.Min(_pos, _text.Length));
            var line = before.Count('\n') + 1;
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            message = $"{message} at line {line}, column {column}";
        }
        return EvaluationException.Create(EvaluationDiagnostics.Serialization, $"while parsing JSON: {message}", _site);
    }
}
