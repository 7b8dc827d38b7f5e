using System.Text;

namespace ConfigLang.Evaluator.Tests.Differential;

/// <summary>
/// Writes random, well-typed Nix programs from a seed, for comparing ConfigLang with Nix 2.8.
/// Generation is directed by the type each sub-expression must have, so programs evaluate
/// without errors (a batch of programs is one list, and one error would hide the others):
/// divisors are non-zero literals, multiplication takes a small literal (no overflow), heads
/// and element indices are taken from literal non-empty lists.
/// </summary>
public sealed class RandomProgramGenerator(int seed)
{
    private readonly Random random = new(seed);
    private int fresh;

    private enum Kind { Int, Float, Bool, String, IntList, StringList, AnyList, Set }

    private static readonly Kind[] AnyKinds = Enum.GetValues<Kind>();

    /// <summary>Attribute names: plain, quoted and non-ASCII ones.</summary>
    private static readonly string[] Keys = ["a", "b", "c", "x1", "foo-bar", "\"x y\"", "\"ünï\"", "\"日本\"", "z"];

    /// <summary>
    /// String pieces, several of them non-ASCII (2-, 3- and 4-byte UTF-8) and escapes. Strings
    /// are bytes, so <see cref="Bytes"/> cuts them anywhere (<c>builtins.substring 0 1 "ü"</c> is
    /// the byte 0xC3) and the outputs are compared byte for byte.
    /// </summary>
    private static readonly string[] Pieces = ["a", "b", "foo", "x y", "ü", "é", "日本", "😀", "\\n", "\\t", "\\\"", "\\\\", "\\${x}", "-", ",", "0", "ｘ"];

    /// <summary>Pieces of an indented string, where a backslash does not escape <c>${</c>.</summary>
    private static readonly string[] IndentedPieces = ["a", "ü b", "日本", "😀", "\\n", "x\"y", "''$", "'''"];

    public string Program() => random.Next(6) == 0 ? Bytes(4) : Expression(Pick(AnyKinds), 4);

    private string Expression(Kind kind, int depth) => kind switch
    {
        Kind.Int => Int(depth),
        Kind.Float => Float(depth),
        Kind.Bool => Bool(depth),
        Kind.String => String(depth),
        Kind.IntList => IntList(depth),
        Kind.StringList => StringList(depth),
        Kind.AnyList => AnyList(depth),
        _ => Set(depth),
    };

    private string Int(int depth)
    {
        if (depth <= 0) return IntLiteral();
        var d = depth - 1;
        return random.Next(23) switch
        {
            0 => $"({Int(d)} + {Int(d)})",
            1 => $"({Int(d)} - {Int(d)})",
            2 => $"({Int(d)} * {random.Next(-9, 10)})",
            3 => $"({Int(d)} / {NonZero()})",
            4 => $"(builtins.div {Int(d)} {NonZero()})",
            5 => $"(builtins.length {AnyList(d)})",
            6 => $"(builtins.stringLength {String(d)})",
            7 => $"(builtins.foldl' (acc: x: acc + x) {Int(d)} {IntList(d)})",
            8 => Let(Kind.Int, d),
            9 => RecSelect(d),
            10 => Formals(d),
            11 => $"(if {Bool(d)} then {Int(d)} else {Int(d)})",
            12 => $"(builtins.bitAnd {Int(d)} {Int(d)})",
            13 => $"(builtins.bitXor {Int(d)} {Int(d)})",
            14 => $"(builtins.head [ {Int(d)} {Int(d)} ])",
            15 => $"(builtins.elemAt [ {Int(d)} {Int(d)} {Int(d)} ] {random.Next(3)})",
            16 => $"(let s = {Set(d)}; in if builtins.isInt (s.a or null) then s.a else {Int(d)})",
            17 => $"(builtins.foldl' builtins.add 0 (builtins.map (x: x * 2) {IntList(d)}))",
            18 => $"(builtins.length (builtins.attrNames {Set(d)}))",
            19 => $"(builtins.floor {Float(d)})",
            20 => $"(builtins.ceil {Float(d)})",
            21 => $"(builtins.stringLength {Bytes(d)})",
            _ => IntLiteral(),
        };
    }

    private string Float(int depth)
    {
        if (depth <= 0) return FloatLiteral();
        var d = depth - 1;
        return random.Next(8) switch
        {
            0 => $"({Float(d)} + {Int(d)})",
            1 => $"({Float(d)} * {Float(d)})",
            2 => $"({Int(d)} / {Pick(["2.0", "4.0", "0.5", "8.0"])})",
            3 => $"({Float(d)} - {Float(d)})",
            4 => $"(builtins.fromJSON (builtins.toJSON {Float(d)}))",
            5 => $"(if {Bool(d)} then {Float(d)} else {Float(d)})",
            6 => Let(Kind.Float, d),
            _ => FloatLiteral(),
        };
    }

    private string Bool(int depth)
    {
        if (depth <= 0) return Pick(["true", "false"]);
        var d = depth - 1;
        return random.Next(14) switch
        {
            0 => $"({Int(d)} < {Int(d)})",
            1 => $"({Int(d)} == {Int(d)})",
            2 => $"(builtins.elem {Int(d)} {IntList(d)})",
            3 => $"(!{Bool(d)})",
            4 => $"({Bool(d)} && {Bool(d)})",
            5 => $"({Bool(d)} || {Bool(d)})",
            6 => $"(builtins.hasAttr {Pick(["\"a\"", "\"b\"", "\"x y\"", "\"ünï\""])} {Set(d)})",
            7 => $"({String(d)} == {String(d)})",
            8 => $"({Bytes(d)} < {Bytes(d)})",
            9 => $"({AnyList(d)} == {AnyList(d)})",
            10 => $"({Set(d)} == {Set(d)})",
            11 => $"({Float(d)} < {Float(d)})",
            12 => $"(builtins.{Pick(["isInt", "isString", "isList", "isAttrs", "isFloat", "isBool"])} {Expression(Pick(AnyKinds), d)})",
            _ => $"({Set(d)} ? {Pick(Keys)})",
        };
    }

    private string String(int depth)
    {
        if (depth <= 0) return StringLiteral();
        var d = depth - 1;
        return random.Next(16) switch
        {
            0 => $"\"{Piece()}${{{String(d)}}}{Piece()}\"",
            1 => $"(toString {Int(d)})",
            2 => $"(builtins.concatStringsSep {StringLiteral()} {StringList(d)})",
            3 => $"(builtins.substring {random.Next(0, 4)} {Pick(["(-1)", "0", "1", "2", "5"])} {AsciiString()})",
            // Non-empty patterns: Nix inserts at an empty pattern between every byte, which splits
            // non-ASCII characters (the byte-string difference).
            4 => $"(builtins.replaceStrings [ {NonEmptyStringLiteral()} {NonEmptyStringLiteral()} ] [ {String(d)} {StringLiteral()} ] {String(d)})",
            5 => $"(builtins.toJSON {Expression(Pick(AnyKinds), d)})",
            6 => $"(builtins.typeOf {Expression(Pick(AnyKinds), d)})",
            7 => $"({String(d)} + {String(d)})",
            8 => $"(builtins.hashString \"{Pick(["md5", "sha1", "sha256", "sha512"])}\" {Bytes(d)})",
            9 => $"(toString {Float(d)})",
            10 => $"(builtins.concatStringsSep \",\" (builtins.attrNames {Set(d)}))",
            11 => Let(Kind.String, d),
            12 => $"(toString {AnyScalarList(d)})",
            13 => $"''\n  {Pick(IndentedPieces)}${{{String(d)}}}\n    {Pick(IndentedPieces)}\n''",
            14 => $"(builtins.toJSON (builtins.fromJSON (builtins.toJSON {Set(d)})))",
            _ => StringLiteral(),
        };
    }

    /// <summary>
    /// A string that may end or start inside a UTF-8 character (strings are bytes: substrings at
    /// any offset, an empty pattern replaced between every byte, regex matches of single bytes).
    /// It is printed, measured, hashed, sorted or compared, but never given to <c>toJSON</c>,
    /// which refuses bytes that are not UTF-8 (as Nix does after 2.8; 2.8 writes them as they are).
    /// </summary>
    private string Bytes(int depth)
    {
        if (depth <= 0) return $"(builtins.substring {random.Next(0, 6)} {Pick(["(-1)", "0", "1", "2", "3", "5"])} {StringLiteral()})";
        var d = depth - 1;
        return random.Next(8) switch
        {
            0 => $"(builtins.substring {random.Next(0, 6)} {Pick(["(-1)", "0", "1", "2", "3", "5"])} {String(d)})",
            1 => $"(builtins.replaceStrings [ \"\" ] [ {Pick(["\"-\"", "\"\"", "\"ü\""])} ] {String(d)})",
            2 => $"(toString (builtins.match \"(.)(.?)(.*)\" {String(d)}))",
            3 => $"(toString (builtins.split \"{Pick(["(.)", ".", "(ü)", "[ab]"])}\" {String(d)}))",
            4 => $"({Bytes(d)} + {String(d)})",
            5 => $"(builtins.concatStringsSep \"|\" (builtins.sort builtins.lessThan [ {Bytes(d)} {String(d)} {Bytes(d)} ]))",
            6 => $"(builtins.substring 1 {random.Next(1, 4)} (builtins.concatStringsSep \"\" (builtins.attrNames {Set(d)})))",
            _ => $"(builtins.substring {random.Next(0, 3)} 1 {String(d)})",
        };
    }

    private string IntList(int depth)
    {
        if (depth <= 0) return $"[ {IntLiteral()} {IntLiteral()} ]";
        var d = depth - 1;
        return random.Next(8) switch
        {
            0 => $"(builtins.map (x: x + {Int(d)}) {IntList(d)})",
            1 => $"(builtins.sort builtins.lessThan {IntList(d)})",
            2 => $"(builtins.filter (x: x > {Int(d)}) {IntList(d)})",
            3 => $"({IntList(d)} ++ {IntList(d)})",
            4 => $"(builtins.genList (i: i * {random.Next(-3, 4)}) {random.Next(0, 6)})",
            5 => $"(builtins.sort (a: b: a > b) {IntList(d)})",
            6 => $"(builtins.concatLists [ {IntList(d)} {IntList(d)} ])",
            _ => $"[ {string.Join(" ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Int(d)))} ]",
        };
    }

    private string StringList(int depth)
    {
        if (depth <= 0) return $"[ {StringLiteral()} ]";
        var d = depth - 1;
        return random.Next(6) switch
        {
            0 => $"(builtins.attrNames {Set(d)})",
            1 => $"(builtins.sort builtins.lessThan {StringList(d)})",
            2 => $"(builtins.map (s: s + {StringLiteral()}) {StringList(d)})",
            3 => $"(builtins.map toString {IntList(d)})",
            4 => $"(builtins.filter (s: s != {StringLiteral()}) {StringList(d)})",
            _ => $"[ {string.Join(" ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => String(d)))} ]",
        };
    }

    private string AnyList(int depth)
    {
        if (depth <= 0) return $"[ {IntLiteral()} {StringLiteral()} ]";
        var d = depth - 1;
        return random.Next(5) switch
        {
            0 => IntList(d),
            1 => StringList(d),
            2 => $"(builtins.attrValues {Set(d)})",
            3 => $"(builtins.tail [ {Expression(Pick(AnyKinds), d)} {Expression(Pick(AnyKinds), d)} ])",
            _ => $"[ {string.Join(" ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Expression(Pick(AnyKinds), d)))} ]",
        };
    }

    /// <summary>Lists whose <c>toString</c> is defined: ints, strings, nested lists of those.</summary>
    private string AnyScalarList(int depth) => random.Next(2) == 0 ? IntList(depth) : StringList(depth);

    private string Set(int depth)
    {
        if (depth <= 0) return $"{{ {Pick(Keys)} = {IntLiteral()}; }}";
        var d = depth - 1;
        return random.Next(11) switch
        {
            0 => $"({Set(d)} // {Set(d)})",
            1 => $"(builtins.mapAttrs (n: v: {{ inherit n; t = builtins.typeOf v; }}) {Set(d)})",
            2 => $"(builtins.intersectAttrs {Set(d)} {Set(d)})",
            3 => $"(builtins.removeAttrs {Set(d)} [ \"a\" \"x y\" ])",
            4 => $"(builtins.listToAttrs (builtins.map (s: {{ name = s; value = builtins.stringLength s; }}) {StringList(d)}))",
            5 => $"(rec {{ a = {Int(d)}; b = a * 2; c = {{ inherit a b; }}; }})",
            6 => InheritFromLet(d),
            7 => $"(builtins.fromJSON (builtins.toJSON {Set(d)}))",
            8 => $"{{ a.b = {Int(d)}; a.c = {String(d)}; }}",
            _ => SetLiteral(d),
        };
    }

    private string SetLiteral(int depth)
    {
        var keys = Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 4));
        var body = string.Concat(keys.Select(key => $"{key} = {Expression(Pick(AnyKinds), depth)}; "));
        return $"{{ {body}}}";
    }

    private string Let(Kind kind, int depth)
    {
        var name = Name();
        return $"(let {name} = {Expression(kind, depth)}; in {Pick([name, Expression(kind, depth)])})";
    }

    private string RecSelect(int depth) => $"((rec {{ a = {Int(depth)}; b = a + {Int(depth)}; }}).b)";

    /// <summary>A function with formals, a default and <c>@args</c>, applied to a set.</summary>
    private string Formals(int depth)
    {
        var name = Name();
        return $"(({{ {name}, q ? {Int(depth)}, ... }}@args: q + {name} + builtins.length (builtins.attrNames args)) {{ {name} = {Int(depth)}; {Pick(["", "q = 7; ", "extra = 1; "])}}})";
    }

    private string InheritFromLet(int depth)
    {
        var name = Name();
        return $"(let {name} = {Int(depth)}; in {{ inherit {name}; w = {String(depth)}; }})";
    }

    private string IntLiteral()
    {
        var value = random.Next(-100, 101);
        return value < 0 ? $"({value})" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string NonZero()
    {
        var value = random.Next(1, 10) * (random.Next(2) == 0 ? 1 : -1);
        return value < 0 ? $"({value})" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string FloatLiteral() => Pick(["1.5", "0.25", "3.0", "100.125", "0.1", "2.5", "(-0.75)", "1000000.0", "0.001", "123456.789"]);

    private string StringLiteral()
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 4); i > 0; i--) text.Append(Piece());
        return $"\"{text}\"";
    }

    private string NonEmptyStringLiteral() => $"\"{Piece()}{StringLiteral()[1..^1]}\"";

    private string AsciiString() => $"\"{Pick(["hello world", "abc", "", "x-y-z", "0123456789"])}\"";

    private string Piece() => Pick(Pieces);

    private string Name() => "v" + (++fresh);

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
