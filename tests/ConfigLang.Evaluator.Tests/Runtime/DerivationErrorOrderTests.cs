namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Which of derivationStrict's errors comes first and where it points, as Nix 2.8 reports them
/// (<c>NIX_REMOTE=dummy:// nix-instantiate --eval --strict --show-trace</c>): a missing builder or
/// system before the output hash, most errors at the derivation's name.
/// </summary>
public sealed class DerivationErrorOrderTests
{
    // The name is on line 2, the attribute under test on line 3.
    private static string Derivation(string attributes) =>
        "builtins.derivationStrict {\n  name = \"a\";\n  " + attributes + "\n}";

    [Theory]
    [InlineData("outputHash = \"x\";", "required attribute 'builder' missing")]
    [InlineData("outputHash = \"x\"; system = \"s\";", "required attribute 'builder' missing")]
    [InlineData("outputHash = \"x\"; builder = \"b\";", "required attribute 'system' missing")]
    public void A_missing_builder_or_system_comes_before_the_output_hash_at_the_name(string attributes, string message) =>
        Assert.Equal($"error: {message}\n\n       at «string»:2:3:", FirstLines(Evaluate.Error(Derivation(attributes))));

    [Theory]
    [InlineData("__structuredAttrs = true; outputs = 1; builder = \"b\"; system = \"s\";", "value is an integer while a list was expected")]
    [InlineData("__structuredAttrs = true; outputs = [ 1 ]; builder = \"b\"; system = \"s\";", "value is an integer while a string was expected")]
    [InlineData("__structuredAttrs = true; builder = 1; system = \"s\";", "value is an integer while a string was expected")]
    [InlineData("args = [ {} ]; builder = \"b\"; system = \"s\";", "cannot coerce a set to a string")]
    public void A_wrong_type_is_reported_at_the_name(string attributes, string message) =>
        Assert.Equal($"error: {message}\n\n       at «string»:2:3:", FirstLines(Evaluate.Error(Derivation(attributes))));

    [Fact]
    public void An_environment_value_that_is_no_string_is_reported_at_its_attribute() =>
        Assert.Equal("error: cannot coerce a set to a string\n\n       at «string»:3:3:",
            FirstLines(Evaluate.Error(Derivation("foo = {}; builder = \"b\"; system = \"s\";"))));

    [Theory]
    [InlineData("__contentAddressed = 1;", "__contentAddressed")]
    [InlineData("outputs = [ {} ];", "outputs")]
    public void The_attribute_frame_is_at_the_name(string attributes, string key) =>
        Assert.Contains($"… while evaluating the attribute '{key}' of the derivation 'a'\n\n       at «string»:2:3:",
            Evaluate.ErrorWithTrace(Derivation(attributes + " builder = \"b\"; system = \"s\";")));

    [Fact]
    public void A_null_content_addressed_flag_is_skipped_with_ignore_nulls() =>
        Assert.StartsWith("{ drvPath = ", Evaluate.Value(Derivation("__ignoreNulls = true; __contentAddressed = null; builder = \"b\"; system = \"s\";")));

    private static string FirstLines(string error) => string.Join('\n', error.Split('\n')[..3]);
}
