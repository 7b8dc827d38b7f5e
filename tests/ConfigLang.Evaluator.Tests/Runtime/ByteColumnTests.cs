using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The columns a program sees (<c>__curPos</c>, <c>unsafeGetAttrPos</c>, <c>--xml</c>'s locations)
/// count UTF-8 bytes, as Nix counts them, not chars: they differ after non-ASCII text on the line.
/// Expected outputs are Nix 2.8's (<c>nix-instantiate --eval</c>), hard-coded.
/// </summary>
public sealed class ByteColumnTests
{
    [Fact]
    public void Cur_pos_after_a_two_byte_char_counts_both_bytes() =>
        Assert.Equal("17\n", Evaluate.Request(new EvaluationRequest { Expression = "{ x = \"é\"; y = __curPos; }.y.column" }).Stdout);

    [Fact]
    public void An_attribute_after_a_four_byte_char_counts_four() =>
        Assert.Equal(
            "{ column = 45; file = \"builtins.unsafeGetAttrPos \\\"b\\\" { \\\"😀\\\" = 1; b = 2; }\"; line = 1; }\n",
            Evaluate.Request(new EvaluationRequest { Expression = "builtins.unsafeGetAttrPos \"b\" { \"😀\" = 1; b = 2; }", Strict = true }).Stdout);

    [Fact]
    public void Xml_locations_count_bytes()
    {
        var result = Evaluate.Request(new EvaluationRequest { Expression = "{ \"é\" = 1; f = x: x; }", Strict = true, Output = EvaluationOutput.Xml });

        Assert.Contains("<attr column=\"13\" line=\"1\" name=\"f\"", result.Stdout);
        Assert.Contains("<function column=\"17\" line=\"1\"", result.Stdout);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_counts_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"byte-column-{Guid.NewGuid():N}.nix");
        File.WriteAllBytes(file, [.. "{ a = \""u8, 0xFF, .. "\"; b = __curPos.column; }"u8]);
        try
        {
            Assert.Equal("16\n", Evaluate.Request(new EvaluationRequest { Expression = $"(import {file}).b", Strict = true }).Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
