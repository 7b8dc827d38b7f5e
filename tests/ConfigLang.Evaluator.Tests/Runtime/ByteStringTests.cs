using System.Text;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Strings are byte strings, as in Nix: lengths and offsets count bytes, a cut may fall inside a
/// UTF-8 character and the byte stays as it is (printed raw), files keep bytes that are not
/// UTF-8, regular expressions and ordering work on bytes, and UTF-8 is encoded or decoded only
/// at the edges (source, JSON, TOML, file names, the environment). Expected values are
/// <c>nix-instantiate --eval --strict</c>'s (Nix 2.8) output, byte for byte, written one char
/// per byte (<c>\u00C3</c> is the byte 0xC3).
/// </summary>
public sealed class ByteStringTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-bytes-").FullName;

    public ByteStringTests()
    {
        File.WriteAllBytes(Path.Combine(_dir, "bad.txt"), [(byte)'x', 0xFF, (byte)'y']);
        File.WriteAllText(Path.Combine(_dir, "dü.txt"), "ü");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("builtins.substring 0 1 \"ünï\"", "\"\u00C3\"")]
    [InlineData("[ (builtins.substring 1 2 \"ünï\") (builtins.stringLength \"日本\") ]", "[ \"\u00BCn\" 6 ]")]
    [InlineData("builtins.stringLength \"ü\"", "2")]
    [InlineData("builtins.concatStringsSep \"\" (builtins.map (i: builtins.substring i 1 \"日本\") [ 0 1 2 3 4 5 ])", "\"\u00E6\u0097\u00A5\u00E6\u009C\u00AC\"")]
    [InlineData("\"${builtins.substring 0 1 \"ü\"}${builtins.substring 1 1 \"ü\"}\" == \"ü\"", "true")]
    [InlineData("builtins.replaceStrings [ \"\" ] [ \"-\" ] \"é\"", "\"-\u00C3-\u00A9-\"")]
    [InlineData("{ \"é\" = 1; }.${builtins.substring 0 2 \"éx\"}", "1")]
    [InlineData("builtins.getAttr (builtins.substring 0 1 \"é\") { \"${builtins.substring 0 1 \"é\"}\" = 2; }", "2")]
    [InlineData("{ a = builtins.substring 0 1 \"ü\"; }", "{ a = \"\u00C3\"; }")]
    public void Strings_count_and_cut_bytes(string expression, string expected) =>
        Assert.Equal(expected, PrintedBytes(expression));

    [Theory]
    [InlineData("builtins.match \"(.)(.*)\" \"ü\"", "[ \"\u00C3\" \"\u00BC\" ]")]
    [InlineData("builtins.split \"(.)\" \"é\"", "[ \"\" [ \"\u00C3\" ] \"\" [ \"\u00A9\" ] \"\" ]")]
    [InlineData("builtins.match \"..?\" \"é\"", "[ ]")]
    [InlineData("builtins.match \"[^a]\" \"é\"", "null")]
    [InlineData("builtins.match \"[[:alpha:]]+\" \"é\"", "null")]
    public void Regular_expressions_match_bytes(string expression, string expected) =>
        Assert.Equal(expected, PrintedBytes(expression));

    /// <summary>Nix 2.8 refuses <c>\w</c> and <c>\S</c> (not POSIX); ConfigLang accepts them, and then as the C
    /// locale has them: no byte above 0x7F is a word byte or a space (0xC3 would be <c>Ã</c> and 0xA0 a space to .NET).</summary>
    [Theory]
    [InlineData("builtins.match \"[a-z]\\\\w*\" \"aé\"", "null")]
    [InlineData("builtins.match \"\\\\S+\" \"é\u00A0\"", "[ ]")]
    public void Word_and_space_escapes_take_ASCII_bytes_only(string expression, string expected) =>
        Assert.Equal(expected, PrintedBytes(expression));

    [Theory]
    [InlineData("builtins.sort builtins.lessThan [ \"é\" \"z\" (builtins.substring 0 1 \"é\") \"\\x7f\" ]", "[ \"x7f\" \"z\" \"\u00C3\" \"\u00C3\u00A9\" ]")]
    [InlineData("builtins.substring 0 1 \"ü\" < \"a\"", "false")]
    public void Strings_order_by_bytes(string expression, string expected) =>
        Assert.Equal(expected, PrintedBytes(expression));

    [Theory]
    [InlineData("builtins.hashString \"sha256\" (builtins.substring 0 1 \"ü\")", "ae3f4619b0413d70d3004b9131c3752153074e45725be13b9a148978895e359e")]
    [InlineData("builtins.hashString \"md5\" \"日本\"", "4dbed2e657457884e67137d3514119b3")]
    public void Hashes_are_of_the_bytes(string expression, string expected) =>
        Assert.Equal($"\"{expected}\"", Evaluate.Value(expression));

    [Fact]
    public void A_file_that_is_not_UTF_8_keeps_its_bytes()
    {
        Assert.Equal("\"x\u00FFy\"", PrintedBytes($"builtins.readFile {_dir}/bad.txt"));
        Assert.Equal("3", Evaluate.Value($"builtins.stringLength (builtins.readFile {_dir}/bad.txt)"));
        Assert.Equal("\"bcd05b83b27fe250afec375d9f7fb1039797b118\"", Evaluate.Value($"builtins.hashString \"sha1\" (builtins.readFile {_dir}/bad.txt)"));
    }

    [Fact]
    public void File_names_are_UTF_8_bytes()
    {
        Assert.Equal("[ \"bad.txt\" \"d\u00C3\u00BC.txt\" ]", PrintedBytes($"builtins.attrNames (builtins.readDir {_dir})"));
        Assert.Equal("\"\u00C3\u00BC\"", PrintedBytes($"builtins.readFile ({_dir} + \"/dü.txt\")"));
        Assert.Equal("true", Evaluate.Value($"builtins.pathExists (/. + \"{_dir}/dü.txt\")"));
        Assert.Equal("3", Evaluate.Value($"builtins.stringLength (builtins.baseNameOf (toString ({_dir} + \"/dü\")))"));
    }

    [Theory]
    [InlineData("builtins.fromJSON \"\\\"\\\\u00fc\\\\ud83d\\\\ude00\\\"\"", "\"\u00C3\u00BC\u00F0\u009F\u0098\u0080\"")]
    [InlineData("builtins.stringLength (builtins.fromJSON \"\\\"\\\\u00fc\\\"\")", "2")]
    [InlineData("builtins.toJSON { \"é\" = [ \"ü\" ]; }", "\"{\\\"\u00C3\u00A9\\\":[\\\"\u00C3\u00BC\\\"]}\"")]
    [InlineData("builtins.attrNames (builtins.fromJSON \"{\\\"\\\\u00fc\\\": 1, \\\"z\\\": 2}\")", "[ \"z\" \"\u00C3\u00BC\" ]")]
    [InlineData("builtins.fromTOML \"\\\"ü\\\" = \\\"é\\\"\"", "{ \"\u00C3\u00BC\" = \"\u00C3\u00A9\"; }")]
    public void JSON_and_TOML_are_UTF_8(string expression, string expected) =>
        Assert.Equal(expected, PrintedBytes(expression));

    [Fact]
    public void ToJSON_refuses_bytes_that_are_not_UTF_8()
    {
        var error = Evaluate.Error("builtins.toJSON (builtins.substring 0 1 \"ü\")");
        Assert.Contains("invalid UTF-8 byte at index 0: 0xC3", error);
    }

    [Fact]
    public void A_source_byte_that_is_not_UTF_8_stays_that_byte()
    {
        var file = Path.Combine(_dir, "raw.nix");
        File.WriteAllBytes(file, [.. "builtins.stringLength \"a"u8, 0xFF, .. "\""u8]);
        Assert.Equal("2", Evaluate.Value($"import {file}"));
        File.WriteAllBytes(file, [.. "builtins.toJSON \"a"u8, 0xFF, .. "\""u8]);
        Assert.Contains("invalid UTF-8 byte at index 1: 0xFF", Evaluate.Error($"import {file}"));
    }

    [Fact]
    public void An_imported_UTF_8_source_is_decoded_once()
    {
        // Imports read ASCII files without decoding them; a file with other bytes must still be decoded.
        var file = Path.Combine(_dir, "utf8.nix");
        File.WriteAllText(file, "[ (builtins.stringLength \"ü日\") \"ü\" ]");
        Assert.Equal("[ 5 \"ü\" ]", Evaluate.Value($"import {file}"));
    }

    [Fact]
    public void The_environment_is_UTF_8()
    {
        var options = new EvaluatorOptions { CurrentDirectory = _dir, EnvironmentVariables = new Dictionary<string, string> { ["BYTES_TEST"] = "日本" } };
        Assert.Equal("6", Evaluate.Value("builtins.stringLength (builtins.getEnv \"BYTES_TEST\")", options));
    }

    [Fact]
    public void Messages_and_printed_values_decode_the_bytes()
    {
        Assert.Contains("error: ü", Evaluate.Error("throw \"ü\""));
        Assert.Contains("attribute 'ü' missing", Evaluate.Error("{ a = 1; }.\"ü\""));
        Assert.Equal("{ \"é\" = \"ü\"; }", Evaluate.Value("{ \"é\" = \"ü\"; }"));
        Assert.Equal("\"\uFFFD\"", Evaluate.Value("builtins.substring 0 1 \"ü\""));
    }

    /// <summary>The printed value as bytes, one char each (what Nix writes to standard output).</summary>
    private static string PrintedBytes(string expression)
    {
        var result = Evaluate.Run(expression);
        Assert.True(result.Succeeded, result.Stderr);
        return Encoding.Latin1.GetString(result.StdoutBytes).TrimEnd('\n');
    }
}
