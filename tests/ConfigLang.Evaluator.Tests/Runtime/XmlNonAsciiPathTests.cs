using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>--xml</c> writes file paths as UTF-8 like the rest of its output, not as one byte per char.</summary>
public sealed class XmlNonAsciiPathTests
{
    [Fact]
    public void A_file_with_a_non_ASCII_name_is_written_as_UTF_8()
    {
        var directory = Directory.CreateTempSubdirectory("configlang-xml-");
        try
        {
            var file = Path.Combine(directory.FullName, "dä.nix");
            File.WriteAllText(file, "{ a = 1; }");
            var result = Evaluate.Request(new EvaluationRequest { File = "dä.nix", Output = EvaluationOutput.Xml }, directory.FullName);
            // As Nix 2.8 prints it: <attr column="3" line="1" name="a" path="/tmp/pt/dä/f.nix"> (there, with its own path).
            Assert.Contains($"<attr column=\"3\" line=\"1\" name=\"a\" path=\"{file}\">", result.Stdout);
            var utf8 = System.Text.Encoding.UTF8.GetBytes(file);
            Assert.True(result.StdoutBytes.AsSpan().IndexOf(utf8) >= 0, "the path's UTF-8 bytes");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
