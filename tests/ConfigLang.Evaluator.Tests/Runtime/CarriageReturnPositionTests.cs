using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Nix 2.8's lexer ends a line at a line feed, at a CR LF pair (once) and at a lone carriage return, in the
/// positions a program sees and in its errors' line numbers. Expected values are Nix 2.8's, hard-coded.
/// </summary>
public sealed class CarriageReturnPositionTests
{
    [Fact]
    public void Cur_pos_counts_a_lone_carriage_return_as_a_line_break_and_CR_LF_as_one() =>
        Assert.Equal("[ 2 3 5 17 ]", Evaluate.Value("[\r__curPos.line\r\n__curPos.line\r\r  __curPos.line __curPos.column ]"));

    [Fact]
    public void Lint_and_editors_number_the_lines_the_same_way()
    {
        var source = new SourceText("a\rb\r\nc\n\rd", "x.nix");

        Assert.Equal(new LinePosition(2, 1), source.GetLinePosition(2));
        Assert.Equal(new LinePosition(3, 1), source.GetLinePosition(5));
        Assert.Equal(new LinePosition(5, 1), source.GetLinePosition(8));
        Assert.Equal("b", source.GetLineText(2));
    }
}
