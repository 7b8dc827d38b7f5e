namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// derivationStrict's name checks (Nix 2.8's rule, the store's) in newer Nix's words, as the corpus's
/// eval-fail-derivation-name and -derivationStrict-2 show them.
/// </summary>
public sealed class DerivationNameTests
{
    [Theory]
    [InlineData("\"~jiggle~\"", "invalid derivation name: name '~jiggle~' contains illegal character '~'. Please pass a different 'name'.")]
    [InlineData("\"\"", "invalid derivation name: name must not be empty. Please pass a different 'name'.")]
    [InlineData("builtins.concatStringsSep \"\" (builtins.genList (_: \"a\") 212)", "invalid derivation name: name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' must be no longer than 211 characters. Please pass a different 'name'.")]
    public void An_invalid_name_is_refused_and_explained(string name, string message)
    {
        var error = Evaluate.Error($"builtins.derivationStrict {{ name = {name}; system = \"x\"; builder = \"/b\"; }}");
        Assert.Equal("error: " + message, error.Split('\n')[0]);
    }

    [Fact]
    public void A_missing_name_is_reported_as_a_missing_attribute() =>
        Assert.Equal("error: attribute 'name' missing for call to 'derivationStrict'", Evaluate.Error("builtins.derivationStrict { }").Split('\n')[0]);

    [Fact]
    public void A_name_may_start_with_a_dot_as_in_nix_2_8() =>
        Assert.Equal(
            "{ drvPath = \"/nix/store/i3q660ziw16vs2823g6ka3rrjs56rwy9-.hidden.drv\"; out = \"/nix/store/42ak65ilzmzaky1k5n2lcc3b8xb4lpgg-.hidden\"; }",
            Evaluate.Value("builtins.derivationStrict { name = \".hidden\"; system = \"x\"; builder = \"/b\"; }"));
}
