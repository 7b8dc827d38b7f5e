namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Nix 2.8 checks the name of every store path it makes (toFile, path, an output of a derivation):
/// one to 211 of <c>A-Za-z0-9+-._?=</c>, so a name cannot reach outside its store object. The
/// expected errors are <c>nix-instantiate --eval --strict</c>'s, which quote the whole base name.
/// </summary>
public sealed class StorePathNameTests
{
    [Theory]
    [InlineData("builtins.toFile \"a/b\" \"x\"", "store path '9d0sm13c3pj0msx6gd27izjkbmdnpbf2-a/b' contains illegal character '/'")]
    [InlineData("builtins.toFile \"a b\" \"x\"", "store path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' contains illegal character ' '")]
    [InlineData("builtins.toFile \"~\" \"x\"", "store path 'wpl9pcb9qg5wvwzn92w7xqrfv63216fc-~' contains illegal character '~'")]
    [InlineData("builtins.toFile \"\" \"x\"", "store path '9r1mh2rc3s3i33vpdw86kqqyvy9i1y4w-' has an empty name")]
    [InlineData("builtins.toFile (builtins.concatStringsSep \"\" (builtins.genList (x: \"a\") 212)) \"x\"",
        "store path 'sk7z62nqxdj2sb8x397my8i4803lhvai-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' has a name longer than 211 characters")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = \"x\"; builder = \"/b\"; outputs = [ \"/c\" ]; }",
        "store path '6pylj9li5bgixc2nrs6h6nsdmggh8xfv-a-/c' contains illegal character '/'")]
    public void A_name_outside_nix_rule_is_refused(string expression, string message) =>
        Assert.Equal("error: " + message, Evaluate.Error(expression).Split('\n')[0]);

    [Fact]
    public void An_empty_name_given_to_path_means_the_file_own()
    {
        var directory = Directory.CreateTempSubdirectory("configlang-path-name-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "f.txt"), "hello\n");
            // Nix 2.8's answer for such a file: its base name, not an empty one.
            Assert.Equal("\"/nix/store/6h9lcbx523532ax1c5g2351w9bm8ykhy-f.txt\"",
                Evaluate.Value($"builtins.path {{ path = {directory}/f.txt; name = \"\"; }}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("builtins.toFile \"a?=+-._\" \"x\"", "\"/nix/store/q8cq85skggibrzlfz4viqpw7x2cwsi18-a?=+-._\"")]
    [InlineData("builtins.toFile \"..\" \"x\"", "\"/nix/store/hv29bhyiqgqrrvfwnrc9gg9g9cw83k4b-..\"")]
    public void Every_allowed_character_passes(string expression, string value) =>
        Assert.Equal(value, Evaluate.Value(expression));
}
