namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Where Nix 2.8 refuses a string that refers to a store path (its <c>forceStringNoCtx</c>): every
/// name (attribute names however written, <c>getEnv</c>, <c>toFile</c>'s and <c>path</c>'s name, the
/// search path's prefixes) and every string read as code or a keyword (JSON, TOML, versions, regex
/// patterns, hash algorithms, <c>placeholder</c>, a structured derivation's <c>system</c>, outputs and
/// output hash). The expected errors are <c>NIX_REMOTE=dummy:// nix-instantiate --eval --strict</c>'s.
/// </summary>
public sealed class ContextFreeStringTests
{
    // A string whose context is the store path of toFile "a" "b".
    private const string WithContext = "let p = \"${builtins.toFile \"a\" \"b\"}\"; in ";
    private const string StorePath = "/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a";
    private const string Refused = $"error: the string '{StorePath}' is not allowed to refer to a store path (such as '{StorePath}')";

    [Theory]
    [InlineData("builtins.listToAttrs [{name = p; value=1;}]")]
    [InlineData("{ ${p} = 1; }")]
    [InlineData("{ \"${p}\" = 1; }")]
    [InlineData("{ ${p}.a = 1; }")]
    [InlineData("{ a.${p} = 1; }")]
    [InlineData("rec { ${p} = 1; }")]
    [InlineData("builtins.mapAttrs (n: v: 1) { ${p} = 1; }")]
    [InlineData("builtins.getAttr p { }")]
    [InlineData("builtins.hasAttr p { }")]
    [InlineData("builtins.removeAttrs {} [p]")]
    [InlineData("builtins.removeAttrs {a=1;} [p \"a\"]")]
    [InlineData("{ a = 1; } ? ${p}")]
    [InlineData("{ a = 1; } ? a.${p}")]
    [InlineData("{ a = 1; }.${p}")]
    [InlineData("{ a = 1; }.${p} or 2")]
    [InlineData("{ a.b = 1; }.a.${p} or 3")]
    [InlineData("builtins.catAttrs p [{}]")]
    [InlineData("builtins.unsafeGetAttrPos p {}")]
    [InlineData("builtins.groupBy (x: p) [1]")]
    [InlineData("builtins.getEnv p")]
    [InlineData("builtins.toFile p \"x\"")]
    [InlineData("builtins.fromJSON p")]
    [InlineData("builtins.fromTOML p")]
    [InlineData("builtins.compareVersions p \"1\"")]
    [InlineData("builtins.compareVersions \"1\" p")]
    [InlineData("builtins.splitVersion p")]
    [InlineData("builtins.parseDrvName p")]
    [InlineData("builtins.match p \"x\"")]
    [InlineData("builtins.split p \"x\"")]
    [InlineData("builtins.placeholder p")]
    [InlineData("builtins.path { path = ./.; name = p; }")]
    [InlineData("builtins.path { path = ./.; name = \"f\"; sha256 = p; }")]
    [InlineData("builtins.findFile [{ prefix = p; path = \"/\"; }] \"x.nix\"")]
    [InlineData("builtins.findFile [{ prefix = \"\"; path = \"/\"; }] p")]
    [InlineData("let __nixPath = [{ prefix = p; path = \"/\"; }]; in <x.nix>")]
    [InlineData("derivation { name = p; system = \"x\"; builder = \"/b\"; }")]
    [InlineData("(derivation { name = \"a\"; system = \"x\"; builder = \"/b\"; outputs = [ p ]; }).drvPath")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = p; builder = \"/b\"; __structuredAttrs = true; }")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = \"x\"; builder = \"/b\"; __structuredAttrs = true; outputs = [p]; }")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = \"x\"; builder = \"/b\"; __structuredAttrs = true; outputHash = p; outputHashAlgo = \"sha256\"; }")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = \"x\"; builder = \"/b\"; __structuredAttrs = true; outputHash = \"0000000000000000000000000000000000000000000000000000\"; outputHashAlgo = p; }")]
    [InlineData("builtins.derivationStrict { name = \"a\"; system = \"x\"; builder = \"/b\"; __structuredAttrs = true; outputHash = \"0000000000000000000000000000000000000000000000000000\"; outputHashAlgo = \"sha256\"; outputHashMode = p; }")]
    [InlineData("builtins.appendContext \"x\" { \"/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a.drv\" = { outputs = [ p ]; }; }")]
    public void A_string_with_context_is_refused_where_nix_needs_a_plain_one(string expression) =>
        Assert.Equal(Refused, Evaluate.Error(WithContext + expression).Split('\n')[0]);

    [Theory]
    [InlineData("builtins.fromJSON \"\\\"${p}\\\"\"", $"\"{StorePath}\"")]
    [InlineData("builtins.hashString (p + \"sha256\") \"x\"", StorePath + "sha256")]
    [InlineData("builtins.hashFile (p + \"sha256\") ./.", StorePath + "sha256")]
    [InlineData("builtins.findFile [{ prefix = \"\"; path = \"/\"; }] (\"x.nix\" + p)", "x.nix" + StorePath)]
    public void The_message_quotes_the_whole_string(string expression, string text) =>
        Assert.Equal($"error: the string '{text}' is not allowed to refer to a store path (such as '{StorePath}')",
            Evaluate.Error(WithContext + expression).Split('\n')[0]);

    [Theory]
    [InlineData("\"${d}\"", "/nix/store/jmiqmmfgfzm7hx55p1kpgbnn52ys6k29-a", "!out!/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv")]
    [InlineData("\"${d.drvPath}\"", "/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv", "=/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv")]
    [InlineData("p + \"${d}\"", StorePath + "/nix/store/jmiqmmfgfzm7hx55p1kpgbnn52ys6k29-a", "!out!/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv")]
    [InlineData("builtins.appendContext \"x\" { ${builtins.unsafeDiscardStringContext d.drvPath} = { outputs = [\"out\" \"dev\"]; }; }", "x", "!dev!/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv")]
    [InlineData("builtins.unsafeDiscardOutputDependency (\"${d.drvPath}\" + \"${builtins.toFile \"zz\" \"b\"}\")",
        "/nix/store/zls09i4hh0vfzm882j1ry186i11233w6-a.drv/nix/store/p1pc646py4c5yd2gfg5fliyklrf36giz-zz", "/nix/store/p1pc646py4c5yd2gfg5fliyklrf36giz-zz")]
    public void The_example_is_the_first_context_entry_as_nix_encodes_it(string name, string text, string entry)
    {
        var error = Evaluate.Error($"let d = derivation {{ name = \"a\"; system = \"x\"; builder = \"/b\"; }}; p = \"${{builtins.toFile \"a\" \"b\"}}\"; in builtins.getAttr ({name}) {{ }}");
        Assert.Equal($"error: the string '{text}' is not allowed to refer to a store path (such as '{entry}')", error.Split('\n')[0]);
    }

    [Theory]
    [InlineData("builtins.getAttr p { }", "1:42")] // the call
    [InlineData("builtins.listToAttrs [{name = p; value=1;}]", "1:65")] // the entry's name
    [InlineData("builtins.path { path = ./.; name = p; }", "1:70")] // the attribute
    [InlineData("let __nixPath = [{ prefix = p; path = \"/\"; }]; in <x.nix>", "1:92")] // the <…>
    [InlineData("builtins.derivationStrict { name = \"a\"; system = p; builder = \"/b\"; __structuredAttrs = true; }", "1:70")] // the derivation's name
    public void The_error_is_where_nix_reports_it(string expression, string position) =>
        Assert.Equal($"{Refused}\n\n       at «string»:{position}:", string.Join('\n', Evaluate.Error(WithContext + expression).Split('\n')[..3]));

    // Guards: these read a string near a refusing one (or did through the refusing helper).
    [Theory]
    [InlineData("builtins.replaceStrings [p] [\"x\"] \"y\"", "\"y\"")]
    [InlineData("builtins.hashString \"sha256\" p", "\"8624a8855b29995f1b3ede86c0e41cef12585d4ec5ee5423a3e09f11cac82109\"")]
    [InlineData("builtins.match \"x\" p", "null")]
    [InlineData("builtins.warn p 1", "1")]
    [InlineData("(derivation { name = \"a\"; system = p; builder = \"/b\"; }).drvPath", "\"/nix/store/kfwzkqjifdkpfx1zqs71cg97d8wcarfm-a.drv\"")]
    public void Context_stays_allowed_where_nix_allows_it(string expression, string value) =>
        Assert.Equal(value, Evaluate.Value(WithContext + expression));

    [Fact]
    public void Outputs_of_a_path_that_is_no_derivation_are_refused_before_their_names_are_read() =>
        Assert.Equal(
            $"error: Tried to add derivation output context of \"{StorePath}\", which is not a derivation, to a string",
            Evaluate.Error(WithContext + $"builtins.appendContext \"x\" {{ \"{StorePath}\" = {{ outputs = [ p ]; }}; }}").Split('\n')[0]);

    [Theory]
    [InlineData("builtins.fromJSON ./.", "a path")]
    [InlineData("builtins.splitVersion { outPath = \"1.2\"; }", "a set")]
    public void Json_and_versions_take_only_strings(string expression, string type) =>
        Assert.Equal($"error: value is {type} while a string was expected", Evaluate.Error(expression).Split('\n')[0]);
}
