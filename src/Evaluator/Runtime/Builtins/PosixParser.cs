namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Reads a POSIX extended regular expression as Nix 2.8 does (libstdc++'s <c>std::regex::extended</c>): a
/// quantifier needs something before it (<c>*a</c>, <c>^*</c>, <c>a|{1}</c> are errors) and may follow another
/// (<c>a*?</c> repeats <c>a*</c>); <c>{</c> always opens a bound; <c>]</c> and <c>}</c> alone are ordinary; a
/// backslash makes a special character ordinary and is an error before other characters — except, as
/// ConfigLang has always taken them, <c>\d \s \w</c> (and their negations) for the ASCII classes and a
/// backslash-digit for the digit (never a backreference).
/// </summary>
internal sealed class PosixParser
{
    private const string SpecialCharacters = ".[\\()*+?{|^$";

    private readonly string _pattern;
    private int _position;
    private int _groups;

    private PosixParser(string pattern) => _pattern = pattern;

    /// <summary>The syntax tree of <paramref name="pattern"/>, a byte string (one char per byte, as every string of the
    /// language is), and how many groups it has.</summary>
    public static PosixSyntax Parse(string pattern, out int groups)
    {
        // Patterns come from string values, which hold bytes; anything else would be a caller's bug, refused here
        // rather than read past the byte sets.
        if (pattern.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0xFF) >= 0) throw new InvalidPosixPatternException("the pattern is not a byte string");
        var parser = new PosixParser(pattern);
        var syntax = parser.Alternation();
        if (parser._position < pattern.Length) throw new InvalidPosixPatternException($"unexpected '{pattern[parser._position]}' at offset {parser._position}");
        groups = parser._groups;
        return syntax;
    }

    private bool AtEnd => _position >= _pattern.Length;

    private PosixSyntax Alternation()
    {
        var choices = new List<PosixSyntax> { Sequence() };
        while (!AtEnd && _pattern[_position] == '|')
        {
            _position++;
            choices.Add(Sequence());
        }
        return choices.Count == 1 ? choices[0] : new PosixSyntax.Alternation(choices);
    }

    private PosixSyntax Sequence()
    {
        var items = new List<PosixSyntax>();
        while (!AtEnd)
        {
            var c = _pattern[_position];
            if (c is '|' or ')') break;
            if (c is '^' or '$')
            {
                _position++;
                items.Add(c == '^' ? new PosixSyntax.Begin() : new PosixSyntax.End());
                continue;
            }
            // A quantifier where an atom belongs ends the sequence; the caller then reports it.
            if (c is '*' or '+' or '?' or '{') break;
            var atom = Atom();
            while (!AtEnd && TryQuantifier(ref atom)) { }
            items.Add(atom);
        }
        return items.Count == 1 ? items[0] : new PosixSyntax.Sequence(items);
    }

    private PosixSyntax Atom()
    {
        var c = _pattern[_position];
        switch (c)
        {
            case '(':
            {
                _position++;
                var number = ++_groups;
                var body = Alternation();
                if (AtEnd || _pattern[_position] != ')') throw new InvalidPosixPatternException("unmatched '('");
                _position++;
                return new PosixSyntax.Group(number, body);
            }
            case '[':
                _position = PosixBracket.Parse(_pattern, _position, out var set);
                return set;
            case '.':
                _position++;
                return AnyCharacter;
            case '\\':
                return Escape();
            default:
                _position++;
                return new PosixSyntax.Literal(c);
        }
    }

    private static readonly PosixSyntax.Set AnyCharacter = new(PosixByteSet.Of(_ => true));

    private PosixSyntax Escape()
    {
        _position++;
        if (AtEnd) throw new InvalidPosixPatternException("trailing backslash");
        var c = _pattern[_position++];
        if (SpecialCharacters.Contains(c) || c is >= '0' and <= '9') return new PosixSyntax.Literal(c);
        var set = c switch
        {
            'd' or 'D' => PosixClasses.Digit,
            's' or 'S' => PosixClasses.Space,
            'w' or 'W' => PosixClasses.Word,
            _ => throw new InvalidPosixPatternException($"invalid escape '\\{c}'"),
        };
        if (char.IsLower(c)) return new PosixSyntax.Set(set);
        var complement = PosixByteSet.Of(set.Contains);
        complement.Complement();
        return new PosixSyntax.Set(complement);
    }

    private bool TryQuantifier(ref PosixSyntax atom)
    {
        switch (_pattern[_position])
        {
            case '*':
                _position++;
                atom = new PosixSyntax.Repeat(atom, 0, null);
                return true;
            case '+':
                _position++;
                atom = new PosixSyntax.Repeat(atom, 1, null);
                return true;
            case '?':
                _position++;
                atom = new PosixSyntax.Repeat(atom, 0, 1);
                return true;
            case '{':
                _position++;
                var min = Count() ?? throw new InvalidPosixPatternException("a bound needs a count");
                int? max = min;
                if (!AtEnd && _pattern[_position] == ',')
                {
                    _position++;
                    max = Count();
                }
                if (AtEnd || _pattern[_position] != '}') throw new InvalidPosixPatternException("unterminated bound");
                _position++;
                if (max < min) throw new InvalidPosixPatternException("a bound's maximum is below its minimum");
                atom = new PosixSyntax.Repeat(atom, min, max);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A decimal count, saturated at <see cref="int.MaxValue"/> (the size limit rejects it later).</summary>
    private int? Count()
    {
        var start = _position;
        long value = 0;
        while (!AtEnd && _pattern[_position] is >= '0' and <= '9')
        {
            value = Math.Min(value * 10 + (_pattern[_position] - '0'), int.MaxValue);
            _position++;
        }
        return _position == start ? null : (int)value;
    }
}
