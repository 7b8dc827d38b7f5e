using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Tests.Diagnostics;

/// <summary>"Definition values:" is also <c>lib.showDefs</c>, a string the program reads, and the text of
/// errors eval prints as Nix does: it is never cut here (the commands that print a message cut it).</summary>
public sealed class DefinitionListingTests
{
    [Fact]
    public void ShowDefs_of_a_30_KB_value_keeps_its_whole_length()
    {
        var options = ConfigurationQuery.WithModules(new EvaluatorOptions { CurrentDirectory = Path.GetTempPath() });
        var result = new ConfigEvaluator(options).Evaluate(new EvaluationRequest
        {
            Expression = """
                let lib = import <configlang/lib>; big = builtins.concatStringsSep "" (builtins.genList (x: "x") 30000); in
                builtins.stringLength (lib.showDefs [ { file = "/h/web.nix"; value = big; } ])
                """,
            Output = EvaluationOutput.Json,
        });

        Assert.True(result.Succeeded, result.Stderr);
        // "\n- In `/h/web.nix': " is 20 characters, then the quoted value: 30,002.
        Assert.Equal("30022", result.Stdout);
    }

    [Fact]
    public void A_listing_of_many_definitions_is_whole()
    {
        var definitions = Enumerable.Range(0, 1_000).Select(i => new Definition($"/h/m{i}.nix", Nix.Str(new string('v', 100))));

        var listing = DefinitionListing.Show(definitions);

        Assert.EndsWith("\n- In `/h/m999.nix': \"" + new string('v', 100) + "\"", listing);
        Assert.DoesNotContain("more bytes)", listing);
    }

    [Fact]
    public void A_value_that_fails_to_print_is_not_shown()
    {
        var items = new List<Value> { Nix.Str(new string('x', 10_000)), Nix.Lazy(() => throw Nix.Throw("boom")) };

        var listing = DefinitionListing.Show([new Definition("/h/web.nix", Nix.List(items))]);

        Assert.Equal("\n- In `/h/web.nix'", listing);
    }
}
