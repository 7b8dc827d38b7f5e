namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>builtins.fromJSON</c> reads the document's bytes itself (sorted objects taken as they are,
/// repeated keys, values and key lists shared): what it gives and refuses, as Nix 2.8 does
/// (expected texts from nix-instantiate --eval --strict where Nix accepts the input).
/// </summary>
public sealed class FromJsonTests
{
    [Theory]
    [InlineData("{\"b\":1,\"a\":2,\"b\":3,\"c\":{\"x\":[]}}", "{ a = 2; b = 3; c = { x = [ ]; }; }")]
    [InlineData("{\"a\":1,\"a\":2}", "{ a = 2; }")]
    [InlineData("[{\"k\":\"web\",\"z\":1},{\"k\":\"web\",\"z\":2},{\"z\":3,\"k\":\"db\"}]", "[ { k = \"web\"; z = 1; } { k = \"web\"; z = 2; } { k = \"db\"; z = 3; } ]")]
    [InlineData("[\"web\",\"web\",\"\",\"bew\",\"a\\\"b\\\\n\"]", "[ \"web\" \"web\" \"\" \"bew\" \"a\\\"b\\\\n\" ]")]
    [InlineData("[1e5, 1E-2, -0.0, 0.1, -5, 1024, 99999, -9223372036854775808]", "[ 100000 0.01 -0 0.1 -5 1024 99999 -9223372036854775808 ]")]
    [InlineData(" \t\r\n[ true , false , null ] \n", "[ true false null ]")]
    [InlineData("\"\\ud83d\\ude00 \\u00e9 \\/ \\t\"", "\"\U0001F600 \u00e9 / \\t\"")]
    [InlineData("{\"\\u00e9\":1,\"e\":2}", "{ e = 2; \"\u00e9\" = 1; }")]
    public void A_document_reads_as_in_nix(string json, string expected) =>
        Assert.Equal(expected, Evaluate.Value($"builtins.fromJSON ''{json}''"));

    [Fact]
    public void Objects_with_the_same_keys_keep_their_own_values()
    {
        // The key lists are shared between the objects; each keeps its values.
        var json = string.Join(",", Enumerable.Range(0, 40).Select(i => $"{{\"id\":{i},\"name\":\"n{i % 3}\"}}"));
        Assert.Equal("780", Evaluate.Value($"builtins.foldl' (s: h: s + h.id) 0 (builtins.fromJSON ''[{json}]'')"));
        Assert.Equal("[ \"n0\" \"n1\" \"n2\" \"n0\" ]", Evaluate.Value($"map (h: h.name) (builtins.genList (builtins.elemAt (builtins.fromJSON ''[{json}]'')) 4)"));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped_as_nix_does()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "{\"a\": 1}"u8]);
            Assert.Equal("{ a = 1; }", Evaluate.Value($"builtins.fromJSON (builtins.readFile {file})"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("[1,]", "unexpected ']'; expected a value at line 1, column 4")]
    [InlineData("{\"a\" 1}", "unexpected '1'; expected ':' at line 1, column 6")]
    [InlineData("{1:2}", "unexpected '1'; expected a string as an object key at line 1, column 2")]
    [InlineData("[1 2]", "unexpected '2'; expected ',' or ']' at line 1, column 4")]
    [InlineData("[1,\n\n  }", "unexpected '}'; expected a value at line 3, column 3")]
    [InlineData("", "unexpected end of input; expected a value at line 1, column 1")]
    [InlineData("1 2", "unexpected content after the JSON value at line 1, column 3")]
    [InlineData("01", "unexpected content after the JSON value at line 1, column 2")]
    [InlineData("1.", "unexpected end of input; expected a digit after '.' at line 1, column 3")]
    [InlineData("nul", "invalid literal; expected 'null' at line 1, column 1")]
    [InlineData("\"abc", "unexpected end of input in a string at line 1, column 5")]
    [InlineData("\"a\\x\"", "invalid escape '\\x' in a string at line 1, column 3")]
    [InlineData("\"\\u12\"", "expected four hexadecimal digits after \\u at line 1, column 4")]
    [InlineData("\"\\ud800\"", "a high surrogate \\u escape without a low surrogate after it at line 1, column 8")]
    [InlineData("\"\\udc00\"", "a low surrogate \\u escape without a high surrogate before it at line 1, column 8")]
    [InlineData("9223372036854775808", "number 9223372036854775808 is out of the range of integers")]
    public void Invalid_json_is_a_located_error(string json, string message)
    {
        var stderr = Evaluate.Error($"builtins.fromJSON ''{json}''");
        Assert.StartsWith($"error: while parsing JSON: {message}\n", stderr);
        Assert.Contains("at «string»:1:1", stderr);
    }

    [Fact]
    public void A_raw_control_character_in_a_string_is_refused()
    {
        var stderr = Evaluate.Error("builtins.fromJSON \"\\\"a\tb\\\"\"");
        Assert.StartsWith("error: while parsing JSON: unexpected byte 0x09 in a string; control characters must be escaped at line 1, column 3", stderr);
    }

    [Fact]
    public void A_deeply_nested_document_is_an_error_not_a_crash()
    {
        var stderr = Evaluate.Error($"builtins.fromJSON \"{new string('[', 200000)}\"");
        Assert.StartsWith("error: while parsing JSON: the document is nested too deeply", stderr);
    }
}
