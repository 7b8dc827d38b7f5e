namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The character classes and collating element names of libstdc++'s <c>regex_traits&lt;char&gt;</c> in the C
/// locale (what Nix 2.8 runs with): ASCII only, so no byte above 0x7F is a letter, digit or space.
/// </summary>
internal static class PosixClasses
{
    private static bool IsDigit(int b) => b is >= '0' and <= '9';
    private static bool IsUpper(int b) => b is >= 'A' and <= 'Z';
    private static bool IsLower(int b) => b is >= 'a' and <= 'z';
    private static bool IsAlpha(int b) => IsUpper(b) || IsLower(b);
    private static bool IsAlnum(int b) => IsAlpha(b) || IsDigit(b);
    private static bool IsSpace(int b) => b is ' ' or (>= '\t' and <= '\r');
    private static bool IsGraph(int b) => b is > ' ' and < 0x7F;

    public static readonly PosixByteSet Digit = PosixByteSet.Of(IsDigit);
    public static readonly PosixByteSet Space = PosixByteSet.Of(IsSpace);
    public static readonly PosixByteSet Word = PosixByteSet.Of(b => IsAlnum(b) || b == '_');

    /// <summary>The class <c>[:name:]</c>, or null for a name libstdc++ does not know.</summary>
    public static PosixByteSet? Named(string name) => name switch
    {
        "alnum" => PosixByteSet.Of(IsAlnum),
        "alpha" => PosixByteSet.Of(IsAlpha),
        "blank" => PosixByteSet.Of(b => b is ' ' or '\t'),
        "cntrl" => PosixByteSet.Of(b => b is < ' ' or 0x7F),
        "digit" or "d" => Digit,
        "graph" => PosixByteSet.Of(IsGraph),
        "lower" => PosixByteSet.Of(IsLower),
        "print" => PosixByteSet.Of(b => b == ' ' || IsGraph(b)),
        "punct" => PosixByteSet.Of(b => IsGraph(b) && !IsAlnum(b)),
        "space" or "s" => Space,
        "upper" => PosixByteSet.Of(IsUpper),
        "xdigit" => PosixByteSet.Of(b => IsDigit(b) || b is >= 'a' and <= 'f' or >= 'A' and <= 'F'),
        "w" => Word,
        _ => null,
    };

    /// <summary>The character a collating element <c>[.name.]</c> names: a single character or a POSIX name
    /// (<c>hyphen</c>, <c>space</c>, <c>NUL</c>); null otherwise.</summary>
    public static int? CollatingElement(string name)
    {
        if (name.Length == 1) return name[0];
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? index : null;
    }

    /// <summary>libstdc++'s names of the ASCII characters, indexed by code.</summary>
    private static readonly string[] Names =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "alert", "backspace", "tab", "newline", "vertical-tab",
        "form-feed", "carriage-return", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN",
        "EM", "SUB", "ESC", "IS4", "IS3", "IS2", "IS1", "space", "exclamation-mark", "quotation-mark", "number-sign",
        "dollar-sign", "percent-sign", "ampersand", "apostrophe", "left-parenthesis", "right-parenthesis", "asterisk",
        "plus-sign", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "colon", "semicolon", "less-than-sign", "equals-sign", "greater-than-sign",
        "question-mark", "commercial-at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
        "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "left-square-bracket", "backslash",
        "right-square-bracket", "circumflex", "underscore", "grave-accent", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "left-curly-bracket",
        "vertical-line", "right-curly-bracket", "tilde", "DEL",
    ];
}
