using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

public sealed class DiagnosticFormatterTests
{
    private static readonly SourceText Source = new("{\n  y = 2;\n  x = 1\n}\n", "path/to/file.nix");

    [Fact]
    public void Renders_header_location_gutter_caret_and_notes()
    {
        var diagnostic = SyntaxDiagnostics.MissingSemicolon(Source, new TextSpan(18, 0), "x").WithNote("found '}' instead");

        var text = new DiagnosticFormatter().Format(diagnostic);

        Assert.Equal(
            "error[CL0003]: expected ';' after the binding of 'x'\n" +
            "  --> path/to/file.nix:3:8\n" +
            "   |\n" +
            " 3 |   x = 1\n" +
            "   |        ^\n" +
            "   = note: found '}' instead\n", text);
    }

    [Fact]
    public void Control_characters_and_bidi_overrides_of_the_input_are_shown_escaped_with_the_carets_under_them()
    {
        // A comment with a right-to-left override before the span, an ESC inside it, and more in the message, label, note and file name.
        var source = new SourceText("x = /* \u202e */ \"a\u001b[2Jb\";\n", "evil\u001b]0;t\u0007.nix");
        var span = new SourceLocation(source, new TextSpan(12, 8));
        var diagnostic = Diagnostic.Error("CL1005", "bad \u001b[31mred", span)
            .WithLabel(span, "label \u009b")
            .WithNote("note \u2066");

        var text = new DiagnosticFormatter().Format(diagnostic);

        Assert.Equal(
            "error[CL1005]: bad \\u001b[31mred\n" +
            "  --> evil\\u001b]0;t\\u0007.nix:1:13\n" +
            "   |\n" +
            " 1 | x = /* \\u202e */ \"a\\u001b[2Jb\";\n" +
            "   |                  ^^^^^^^^^^^^^\n" +
            "   |\n" +
            " 1 | x = /* \\u202e */ \"a\\u001b[2Jb\";\n" +
            "   |                  ^^^^^^^^^^^^^ label \\u009b\n" +
            "   = note: note \\u2066\n", text);
        Assert.DoesNotContain(text, c => TerminalText.IsEscaped(c));
    }

    [Fact]
    public void Underlines_the_whole_span_and_renders_labels_with_their_message()
    {
        var diagnostic = Diagnostic.Error("CL0013", "attribute 'x' is already defined", new SourceLocation(Source, new TextSpan(13, 1)))
            .WithLabel(new SourceLocation(Source, new TextSpan(4, 5)), "first defined here");

        var text = new DiagnosticFormatter().Format(diagnostic);

        Assert.Equal(
            "error[CL0013]: attribute 'x' is already defined\n" +
            "  --> path/to/file.nix:3:3\n" +
            "   |\n" +
            " 3 |   x = 1\n" +
            "   |   ^\n" +
            "   |\n" +
            " 2 |   y = 2;\n" +
            "   |   ^^^^^ first defined here\n", text);
    }

    [Fact]
    public void Widens_the_gutter_for_long_line_numbers()
    {
        var source = new SourceText(string.Concat(Enumerable.Repeat("a\n", 120)), "f.nix");
        var diagnostic = Diagnostic.Error("CL0001", "unexpected identifier 'a'", new SourceLocation(source, new TextSpan(2 * 99, 1)));

        var lines = new DiagnosticFormatter().Format(diagnostic).Split('\n');

        Assert.Equal("    --> f.nix:100:1", lines[1]);
        Assert.Equal(" 100 | a", lines[3]);
        Assert.Equal("     | ^", lines[4]);
    }

    [Fact]
    public void Colour_is_added_only_when_asked_for()
    {
        var diagnostic = Diagnostic.Error("CL0001", "unexpected", new SourceLocation(Source, new TextSpan(0, 1)));

        Assert.DoesNotContain("\u001b[", new DiagnosticFormatter(useColor: false).Format(diagnostic));
        Assert.Contains("\u001b[31m", new DiagnosticFormatter(useColor: true).Format(diagnostic));
    }
}
