using System.Text.Json.Nodes;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// What <c>configlang show</c> asks of the module layer: the options that are set, with
/// submodule values cut down to their defined options, and where each value came from.
/// </summary>
public sealed class ConfigurationQueryTests : IDisposable
{
    private const string HostText = """
        { lib, ... }:
        {
          options.demo.sites = lib.mkOption {
            type = lib.types.attrsOf (lib.types.submodule {
              options.certificate = lib.mkOption { type = lib.types.str; };
              options.port = lib.mkOption { type = lib.types.int; default = 80; };
              options.user = lib.mkOption { type = lib.types.str; };
            });
            default = { };
          };
          options.demo.unset = lib.mkOption { type = lib.types.int; };
          config.demo.sites.web = { user = lib.mkDefault "www"; };
          config.demo.sites.api = { user = lib.mkForce "api"; port = 8080; };
        }
        """;

    private readonly ModuleEvaluation _files = new();
    private readonly string _host;

    public ConfigurationQueryTests() => _host = _files.Write("host.nix", HostText);

    public void Dispose() => _files.Dispose();

    private static ConfigurationQuery Query => new(new EvaluatorOptions());

    [Fact]
    public void A_subtree_shows_submodule_values_without_their_undefined_options()
    {
        var result = Query.Show(_host, "demo", json: true);
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        var demo = JsonNode.Parse(result.Text!)!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "sites": { "api": { "port": 8080, "user": "api" }, "web": { "port": 80, "user": "www" } } }"""),
            demo));
    }

    // Origins do not keep a submodule instance's option tree, but while its unset options keep
    // it, show walks that tree rather than evaluating the instance's modules a second time.
    [Fact]
    public void Show_evaluates_the_modules_of_each_submodule_instance_once()
    {
        var host = _files.Write("traced.nix", """
            { lib, ... }:
            {
              options.demo.sites = lib.mkOption {
                type = lib.types.attrsOf (lib.types.submodule ({ ... }: builtins.trace "making a site" {
                  options.certificate = lib.mkOption { type = lib.types.str; };
                  options.port = lib.mkOption { type = lib.types.int; default = 80; };
                }));
              };
              config.demo.sites.web.port = 81;
            }
            """);
        var result = Query.Show(host, "demo", json: true);
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "sites": { "web": { "port": 81 } } }"""), JsonNode.Parse(result.Text!)));
        Assert.Single(result.Warnings.Split('\n'), line => line.Contains("making a site", StringComparison.Ordinal));
    }

    [Fact]
    public void Everything_that_is_set_includes_the_submodule_values_and_skips_unset_options()
    {
        var result = Query.Show(_host, null, json: true);
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        var all = JsonNode.Parse(result.Text!)!.AsObject();
        var demo = all["demo"]!.AsObject();
        Assert.False(demo.ContainsKey("unset"));
        Assert.Equal(8080, (int)demo["sites"]!["api"]!["port"]!);
        Assert.False(demo["sites"]!["web"]!.AsObject().ContainsKey("certificate"));
    }

    [Fact]
    public void Explain_lists_the_default_and_each_definition_with_its_priority_and_status()
    {
        var result = Query.Explain(_host, "demo.sites.web");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        var options = JsonNode.Parse(result.Text!)!["options"]!.AsArray().Select(o => o!.AsObject()).ToList();
        // port (defaulted) and user (mkDefault); certificate has neither and is left out.
        Assert.Equal(["demo.sites.web.port", "demo.sites.web.user"], options.Select(o => (string?)o["option"]));

        var port = Assert.Single(options[0]["definitions"]!.AsArray())!;
        Assert.Equal("default", (string?)port["kind"]);
        Assert.Equal(1500, (int)port["priority"]!);
        Assert.Equal("used", (string?)port["status"]);

        var user = Assert.Single(options[1]["definitions"]!.AsArray())!;
        Assert.Equal(1000, (int)user["priority"]!);
        Assert.Equal("used", (string?)user["status"]);
        Assert.Equal(_host, (string?)user["file"]);
        Assert.Equal(12, (int)user["line"]!);
    }

    [Fact]
    public void Explain_of_an_option_nobody_set_says_it_is_not_defined()
    {
        var result = Query.Explain(_host, "demo.unset");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        var unset = Assert.Single(JsonNode.Parse(result.Text!)!["options"]!.AsArray())!;
        Assert.False((bool)unset["defined"]!);
        Assert.Empty(unset["definitions"]!.AsArray());
        Assert.Equal("signed integer", (string?)unset["type"]);
    }

    [Fact]
    public void An_error_and_its_trace_name_the_users_file_never_the_driver_expression()
    {
        var broken = _files.Write("broken.nix", "{ lib, ... }: { options.demo.port = lib.mkOption { type = lib.types.int; }; config.demo.port = \"eighty\"; }");

        var result = Query.Show(broken, "demo.port", json: false);

        Assert.False(result.Succeeded);
        var messages = result.Messages(showTrace: true);
        Assert.Contains("is not of type `signed integer'", messages);
        Assert.Contains(broken, messages);
        // The modules are evaluated through one fixed driver; its frames are ours, not the user's.
        Assert.DoesNotContain("«", messages);
    }

    [Fact]
    public void An_error_nix_prints_without_a_position_keeps_its_precise_location()
    {
        var broken = _files.Write("compare.nix", "{ lib, ... }: { options.demo.port = lib.mkOption { type = lib.types.bool; };\nconfig.demo.port = 1 < \"a\"; }");

        var result = Query.Show(broken, "demo.port", json: false);

        Assert.False(result.Succeeded);
        // Nix 2.8 (and so eval) prints the comparison's error with no position; show points at it.
        Assert.Contains($"at {broken}:2:", result.Messages(showTrace: false));
    }

    [Fact]
    public void The_trace_keeps_the_frames_nix_lacks()
    {
        var broken = _files.Write("builtin.nix", "{ lib, ... }: { options.demo.port = lib.mkOption { type = lib.types.int; }; config.demo.port = builtins.add 1 \"a\"; }");

        var result = Query.Show(broken, "demo.port", json: false);

        Assert.False(result.Succeeded);
        Assert.Contains("while calling the 'add' builtin", result.Messages(showTrace: true));
    }

    [Fact]
    public void A_module_file_whose_name_looks_like_nix_source_is_read_as_a_path_value()
    {
        var odd = _files.Write("odd\" ${x} ''.nix", "{ config.demo.sites.web.user = \"www\"; imports = [ ./host.nix ]; }");

        var result = Query.Show(odd, "demo.sites.web.user", json: true);

        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Equal("\"www\"", result.Text);
    }
}
