namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// derivationStrict's name checks in Nix 2.8's words: the name is checked by the store's rule as the first output's
/// path is made (sorted outputs), after every attribute and the required ones, and a name ending in .drv is refused
/// at the name. (The corpus's expected errors are newer Nix's, which checks first and words it otherwise.)
/// </summary>
public sealed class DerivationNameTests
{
    [Theory]
    [InlineData("name = \"~jiggle~\";", "store path 's7rs0dllzpkrv8b418a9a9f2l8g0j8hg-~jiggle~' contains illegal character '~'")]
    [InlineData("name = \"\";", "store path 'jklw9iakj2z87cywj1nn7kw2awgvgzxj-' has an empty name")]
    [InlineData("name = builtins.concatStringsSep \"\" (builtins.genList (_: \"a\") 212);", "store path 'mrivvr05hv8357givbcp49ap7159z8r2-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' has a name longer than 211 characters")]
    [InlineData("name = \"a~\"; outputs = [ \"out\" \"dev\" ];", "store path 'skb1613i11aka0jarwzcbbjk2435spnq-a~-dev' contains illegal character '~'")]
    [InlineData("name = \"a.drv\";", "derivation names are not allowed to end in '.drv'")]
    public void An_invalid_name_is_refused_as_Nix_2_8_refuses_it(string attributes, string message)
    {
        var error = Evaluate.Error($"builtins.derivationStrict {{ {attributes} system = \"x\"; builder = \"/b\"; }}");
        Assert.Equal("error: " + message, error.Split('\n')[0]);
    }

    [Theory]
    [InlineData("name = \"~jiggle~\";", "invalid derivation name: name '~jiggle~' contains illegal character '~'. Please pass a different 'name'.")]
    [InlineData("name = \"\";", "invalid derivation name: name must not be empty. Please pass a different 'name'.")]
    [InlineData("name = builtins.concatStringsSep \"\" (builtins.genList (_: \"a\") 212);", "invalid derivation name: name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' must be no longer than 211 characters. Please pass a different 'name'.")]
    [InlineData("name = \"a~\"; outputs = [ \"out\" \"dev\" ];", "invalid derivation name: name 'a~' contains illegal character '~'. Please pass a different 'name'.")]
    public void Lint_explains_an_invalid_name_at_the_name(string attributes, string message)
    {
        // Nix 2.8's words quote a store path whose hash the user never wrote; lint and show read the diagnostic's.
        var result = Evaluate.Run($"builtins.derivationStrict {{ {attributes} system = \"x\"; builder = \"/b\"; }}");
        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error!.Message);
        var at = result.Error.Location!.Value;
        Assert.Equal("name", at.Source.Text.Substring(at.Span.Start, at.Span.Length));
    }

    [Fact]
    public void An_output_name_too_long_only_with_its_output_is_refused_as_Nix_2_8_does()
    {
        var name = new string('a', 208);
        var result = Evaluate.Run($"builtins.derivationStrict {{ name = \"{name}\"; outputs = [ \"dev\" ]; system = \"x\"; builder = \"/b\"; }}");
        // Nix 2.8's first line; its derivation named "" with that output is valid ("-dev").
        Assert.Equal($"error: store path 'kmgkf9j40q1map9gmrxz9kc01pzw58mk-{name}-dev' has a name longer than 211 characters", result.Stderr.Split('\n')[0]);
        Assert.Equal($"invalid derivation name: name '{name}' with its output 'dev' must be no longer than 211 characters. Please pass a different 'name'.", result.Error!.Message);
    }

    [Fact]
    public void An_empty_name_with_an_output_other_than_out_is_valid_as_in_Nix_2_8() =>
        Assert.Contains("dev = \"/nix/store/rhm55bgy9sxwzmcxx8fz213fv7nwh3px--dev\"",
            Evaluate.Value("builtins.derivationStrict { name = \"\"; outputs = [ \"dev\" ]; system = \"x\"; builder = \"/b\"; }"));

    [Fact]
    public void A_missing_builder_is_reported_before_an_invalid_name() =>
        Assert.Equal("error: required attribute 'builder' missing",
            Evaluate.Error("builtins.derivationStrict { name = \"a~\"; system = \"x\"; }").Split('\n')[0]);

    [Fact]
    public void A_missing_name_is_reported_as_a_missing_attribute() =>
        Assert.Equal("error: attribute 'name' missing for call to 'derivationStrict'", Evaluate.Error("builtins.derivationStrict { }").Split('\n')[0]);

    [Fact]
    public void A_name_may_start_with_a_dot_as_in_nix_2_8() =>
        Assert.Equal(
            "{ drvPath = \"/nix/store/i3q660ziw16vs2823g6ka3rrjs56rwy9-.hidden.drv\"; out = \"/nix/store/42ak65ilzmzaky1k5n2lcc3b8xb4lpgg-.hidden\"; }",
            Evaluate.Value("builtins.derivationStrict { name = \".hidden\"; system = \"x\"; builder = \"/b\"; }"));
}
