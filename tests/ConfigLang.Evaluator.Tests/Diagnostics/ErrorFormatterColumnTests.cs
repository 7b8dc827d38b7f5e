using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

/// <summary>
/// eval's Nix-compatible output counts columns in bytes, as Nix 2.8 does; the same formatter used by
/// the other commands (show, options) counts chars, as editors and lint do. They differ after "é".
/// </summary>
public sealed class ErrorFormatterColumnTests
{
    private static readonly SourceText Source = new("{ x = \"\u00e9\"; }.x + 1\n", "accented.nix");

    // The `1` of `+ 1`: char column 18, byte column 19.
    private static readonly Diagnostic AtTheOne = Diagnostic.Error("CL1000", "boom", new SourceLocation(Source, new TextSpan(17, 1)));

    [Fact]
    public void Eval_counts_bytes_in_the_header_and_the_caret()
    {
        var text = ErrorFormatter.Format(AtTheOne, [], showTrace: false, nixCompatible: true);

        Assert.Contains("at accented.nix:1:19:", text);
        Assert.Contains("\n             |" + new string(' ', 19) + "^\n", text);
    }

    [Fact]
    public void Other_commands_count_chars_as_editors_do()
    {
        var text = ErrorFormatter.Format(AtTheOne, [], showTrace: false);

        Assert.Contains("at accented.nix:1:18:", text);
        Assert.Contains("\n             |" + new string(' ', 18) + "^\n", text);
    }
}
