namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// toFile's contents as Nix 2.8 takes them: a string (not coerced) that may refer to store files
/// but not to a derivation or its outputs. The expected values and errors are
/// <c>NIX_REMOTE=dummy:// nix-instantiate --eval --strict</c>'s.
/// </summary>
public sealed class ToFileContentsTests
{
    private const string Derivation = "let d = derivation { name=\"a\"; builder=\"b\"; system=\"s\"; }; in ";
    private const string DrvPath = "/nix/store/pn5w9v350w6b152fg17i8iinyi3g0di4-a.drv";

    [Theory]
    [InlineData("builtins.toFile \"f\" \"${d}\"", $"!out!{DrvPath}")]
    [InlineData("builtins.toFile \"f\" \"${d.drvPath}\"", $"={DrvPath}")]
    // The first entry of the sorted context that is no plain path.
    [InlineData("builtins.toFile \"f\" \"${builtins.toFile \"z\" \"q\"}${d.drvPath}${d}\"", $"!out!{DrvPath}")]
    public void A_reference_to_a_derivation_is_refused(string expression, string entry) =>
        Assert.Equal(
            $"error: in 'toFile': the file named 'f' must not contain a reference to a derivation but contains ({entry})\n\n       at «string»:1:63:",
            string.Join('\n', Evaluate.Error(Derivation + expression).Split('\n')[..3]));

    [Theory]
    [InlineData("builtins.toFile \"f\" \"${builtins.toFile \"z\" \"q\"}\"", "\"/nix/store/zmvm1m97kp7s1fzgqdn5cr8n7rjl0dfr-f\"")]
    [InlineData("builtins.toFile \"f\" (builtins.unsafeDiscardOutputDependency \"${d.drvPath}\")", "\"/nix/store/r4fsnmggyhxxlsscyxcnm8wq738qqdcc-f\"")]
    [InlineData("builtins.toFile \"f\" \"${builtins.placeholder \"out\"}\"", "\"/nix/store/gqh3f1avahgcm29dgwjwyic3hi4xladm-f\"")]
    public void A_reference_to_a_file_is_kept(string expression, string value) =>
        Assert.Equal(value, Evaluate.Value(Derivation + expression));

    [Theory]
    [InlineData("builtins.toFile \"f\" 1", "an integer")]
    [InlineData("builtins.toFile \"f\" { outPath = \"x\"; }", "a set")]
    [InlineData("builtins.toFile \"f\" /tmp", "a path")]
    public void The_contents_must_be_a_string(string expression, string type) =>
        Assert.Equal($"error: value is {type} while a string was expected", Evaluate.Error(expression).Split('\n')[0]);
}
