using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// An expression that is not a file (<c>-E</c>, standard input, <c>--arg</c>): Nix 2.8 gives its
/// text as the file of the positions the language sees, and «string» or «stdin» in messages.
/// Expected outputs are Nix 2.8's (<c>nix-instantiate --eval</c>), hard-coded.
/// </summary>
public sealed class ExpressionSourceFileTests
{
    private static EvaluationResult Run(EvaluationRequest request, string? directory = null) => Evaluate.Request(request, directory);

    [Theory]
    [InlineData("__curPos.file", "\"__curPos.file\"\n")]
    [InlineData("builtins.unsafeGetAttrPos \"a\" { a = 1; }",
        "{ column = 33; file = \"builtins.unsafeGetAttrPos \\\"a\\\" { a = 1; }\"; line = 1; }\n")]
    public void Positions_of_an_expression_name_its_text(string expression, string nixOutput) =>
        Assert.Equal(nixOutput, Run(new EvaluationRequest { Expression = expression }).Stdout);

    [Fact]
    public void Json_output_gives_the_text_as_the_file() =>
        Assert.Equal("{\"column\":1,\"file\":\"__curPos\",\"line\":1}",
            Run(new EvaluationRequest { Expression = "__curPos", Strict = true, Output = EvaluationOutput.Json }).Stdout);

    [Fact]
    public void Standard_input_gives_its_whole_text_with_the_newline()
    {
        var text = "(builtins.unsafeGetAttrPos \"a\" { a = 1; }).file\n";
        var result = Run(new EvaluationRequest { Expression = text, ExpressionName = EvaluationRequest.StandardInputName });
        Assert.Equal("\"(builtins.unsafeGetAttrPos \\\"a\\\" { a = 1; }).file\\n\"\n", result.Stdout);
    }

    [Fact]
    public void An_argument_expression_names_its_text_too()
    {
        var result = Run(new EvaluationRequest { Expression = "{ x }: x.file", AutoArgs = [("x", "__curPos", false)] });
        Assert.Equal("\"__curPos\"\n", result.Stdout);
    }

    [Fact]
    public void Xml_paths_are_the_text_escaped()
    {
        var result = Run(new EvaluationRequest
        {
            Expression = "{ a = 1; }\n", ExpressionName = EvaluationRequest.StandardInputName, Output = EvaluationOutput.Xml,
        });
        Assert.Contains("<attr column=\"3\" line=\"1\" name=\"a\" path=\"{ a = 1; }&#xA;\">", result.Stdout);
    }

    // Messages keep the pseudo-names: "at «string»:1:13:" for -E, "at «stdin»:1:13:" for standard input.
    [Theory]
    [InlineData(EvaluationRequest.StringName)]
    [InlineData(EvaluationRequest.StandardInputName)]
    public void Messages_name_the_source_by_its_pseudo_name(string name)
    {
        var text = "let a = 1 + \"a\"; in a";
        var result = Run(new EvaluationRequest { Expression = text, ExpressionName = name });
        Assert.Contains($"at {name}:1:13:", result.Stderr);
        Assert.DoesNotContain(text, result.Stderr.Replace($"1| {text}", ""));
    }

    [Fact]
    public void A_relative_import_resolves_against_the_current_directory()
    {
        var directory = Directory.CreateTempSubdirectory("configlang-expression-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "rel.nix"), "{ v = 7; }");
            var result = Run(new EvaluationRequest { Expression = "[ (import ./rel.nix).v ./rel.nix ]", Strict = true }, directory.FullName);
            Assert.Equal($"[ 7 {Path.Combine(directory.FullName, "rel.nix")} ]\n", result.Stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
