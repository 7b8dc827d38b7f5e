namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// findFile (and so <c>&lt;…&gt;</c>) reads every search path entry, its prefix then its path,
/// before the name, and only then searches, as Nix 2.8 does: an entry after the match still fails
/// the lookup. The expected errors are <c>NIX_REMOTE=dummy:// nix-instantiate --eval --strict</c>'s.
/// </summary>
public sealed class FindFileOrderTests
{
    [Theory]
    [InlineData("builtins.findFile [{ prefix = throw \"pfx\"; path = \"/\"; }] (throw \"name\")", "error: pfx")]
    [InlineData("builtins.findFile [{ prefix = \"\"; path = throw \"path\"; }] (throw \"name\")", "error: path")]
    [InlineData("builtins.findFile [{ prefix = \"\"; path = \"/\"; } { prefix = \"x\"; path = throw \"later\"; }] \"etc\"", "error: later")]
    [InlineData("builtins.findFile [{ prefix = \"\"; path = \"/\"; } { prefix = throw \"later\"; }] \"etc\"", "error: later")]
    [InlineData("let __nixPath = [{ prefix = \"\"; path = \"/\"; } { prefix = \"x\"; path = throw \"later\"; }]; in <etc>", "error: later")]
    public void Every_entry_is_read_before_the_name_and_the_search(string expression, string message) =>
        Assert.Equal(message, Evaluate.Error(expression).Split('\n')[0]);

    [Fact]
    public void An_entry_without_a_path_after_the_match_fails_the_lookup() =>
        Assert.StartsWith("error: attribute 'path' missing",
            Evaluate.Error("builtins.findFile [{ path = \"/\"; } { prefix = \"\"; }] \"etc\"").Split('\n')[0]);

    [Fact]
    public void A_prefix_with_context_after_the_match_is_refused()
    {
        const string storePath = "/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a";
        Assert.Equal(
            $"error: the string '{storePath}' is not allowed to refer to a store path (such as '{storePath}')\n\n       at «string»:1:42:",
            string.Join('\n', Evaluate.Error(
                "let p = \"${builtins.toFile \"a\" \"b\"}\"; in builtins.findFile [{prefix=\"\";path=\"/\";} {prefix=p;path=\"/\";}] \"etc\"").Split('\n')[..3]));
    }
}
