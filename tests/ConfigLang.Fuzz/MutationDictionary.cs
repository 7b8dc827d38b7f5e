using System.Text;

namespace ConfigLang.Fuzz;

/// <summary>
/// Fragments that mutations insert: Nix keywords, operators, brackets, literals at the edges of
/// their ranges, and calls that have hurt before (huge counts, backtracking regexes, deep JSON).
/// Nothing here reaches the network or writes files.
/// </summary>
public static class MutationDictionary
{
    public static IReadOnlyList<byte[]> Tokens { get; } = Encode(
    [
        "let", "in", "rec", "with", "inherit", "if", "then", "else", "assert", "or", "import",
        "null", "true", "false", "throw", "abort", "builtins", "__curPos", "x", "a", "lib", "config",
        ".", "?", "//", "++", "+", "-", "*", "/", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "->",
        "!", "@", "...", ":", ";", ",", "=", "|>", "<|", "$", "\\", "`", "&", "%", "^", "~",
        "{", "}", "[", "]", "(", ")", "${", "}", "\"", "''", "'''", "''$", "''\\", "/*", "*/", "#", "\n",
        "./.", "./a", "/", "~/x", "<nixpkgs>", "<configlang/lib>", "<x>", "http://x", "a.b.c",
        "0", "1", "-1", "1.5e308", "1e-400", "1e999", "0x10", ".5", "00", "1.", "1e",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "99999999999999999999999999999999999999", "\"\\u0000\"", "\"${\"", "''${''",
    ]);

    public static IReadOnlyList<byte[]> Snippets { get; } = Encode(
    [
        "builtins.genList (x: x) 9223372036854775807",
        "builtins.genList (x: x) 100000000",
        "builtins.genList (x: x) (-1)",
        "builtins.match \"(a*)*b\" \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac\"",
        "builtins.split \"(a|aa)*c\" \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\"",
        "builtins.match \"[\" \"\"",
        "builtins.fromJSON \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\"",
        "builtins.fromJSON \"\\\"\\\\u0000\\\"\"",
        "builtins.fromJSON \"1e999\"",
        "builtins.fromTOML \"a.b.c = 1\"",
        "builtins.toXML", "builtins.toJSON", "builtins.deepSeq", "builtins.seq", "builtins.tryEval",
        "builtins.substring 0 (-1) \"abc\"", "builtins.substring 9223372036854775807 1 \"abc\"",
        "builtins.div 1 0", "builtins.div (-9223372036854775808) (-1)", "(-9223372036854775807 - 1) * -1",
        "builtins.elemAt [ ] 9223372036854775807", "builtins.bitAnd 1", "builtins.sort builtins.lessThan",
        "builtins.concatStringsSep", "builtins.replaceStrings [ \"\" ] [ \"x\" ] \"abc\"",
        "builtins.readFile ./.", "builtins.readDir ./.", "builtins.pathExists \"/\\u0000\"",
        "builtins.hashString \"sha256\"", "builtins.stringLength", "builtins.attrNames",
        "builtins.listToAttrs [ { name = \"\"; value = 1; } ]", "builtins.toString 1.0e308",
        "let x = x; in x", "rec { a = a; }.a", "(x: x x) (x: x x)",
        "let f = s: n: if n == 0 then s else f (s + s) (n - 1); in f \"x\" 40",
        "{ imports = [ ./. ]; }", "{ options = { }; config = { }; }", "lib.mkForce", "lib.mkIf true",
        "lib.mkMerge [ ]", "lib.types.str", "lib.mkOption { }", "security.acme.certs.\"..\".group = \"x\";",
        "security.acme.certs.\"a/b\".dnsProvider = \"x\";", "security.acme.certs.\"\".webroot = \"/\";",
        "environmentFile = builtins.fromJSON \"\\\"/x\\\\u0000y\\\"\";",
        "security.acme.defaults.validMinDays = 9223372036854775807;",
    ]);

    /// <summary>Bytes no valid source has: NUL, stray continuation bytes, overlong and surrogate encodings, a BOM.</summary>
    public static IReadOnlyList<byte[]> Special { get; } =
    [
        [0x00], [0xFF], [0xC3], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xEF, 0xBB, 0xBF], [(byte)'\r'], [(byte)'\t'], [0x0B], [0x7F], [0xE2, 0x80, 0xAE],
    ];

    /// <summary>Pairs that nest: the opening goes before a slice, the closing after it.</summary>
    public static IReadOnlyList<(byte[] Open, byte[] Close)> Nestings { get; } =
    [
        P("(", ")"), P("[", "]"), P("{a=", ";}"), P("{ a = ", "; }.a"), P("let a = ", "; in a"), P("x: ", ""),
        P("if true then ", " else 1"), P("\"${", "}\""), P("''${", "}''"), P("assert true; ", ""),
        P("with {}; ", ""), P("- ", ""), P("! ", ""), P("[ (", ") ]"), P("{}.a or (", ")"), P("(1 + ", ")"),
        P("builtins.seq 1 (", ")"), P("{ imports = [ { imports = [ ", " ]; } ]; }"),
    ];

    private static (byte[], byte[]) P(string open, string close) => (Encoding.UTF8.GetBytes(open), Encoding.UTF8.GetBytes(close));

    private static byte[][] Encode(string[] items) => items.Select(Encoding.UTF8.GetBytes).ToArray();
}
