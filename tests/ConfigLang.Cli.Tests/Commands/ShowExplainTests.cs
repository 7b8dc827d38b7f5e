using System.Text.Json.Nodes;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang show CONFIG OPTION --explain</c>: every definition of an option with where it
/// is, its priority and whether it won; the option's default as a source of its own.
/// </summary>
public sealed class ShowExplainTests : IDisposable
{
    private const string HostText = """
        { lib, ... }:
        {
          imports = [
            { security.acme.certs."example.org".group = "plain"; }
          ];
          security.acme.acceptTerms = true;
          security.acme.defaults.email = "admin@example.org";
          security.acme.certs."example.org" = {
            webroot = "/var/lib/acme/acme-challenge";
            group = lib.mkForce "forced";
            extraDomainNames = lib.mkMerge [
              [ "b.example.org" ]
              (lib.mkIf false [ "never.example.org" ])
              (lib.mkBefore [ "a.example.org" ])
            ];
          };
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("configlang-explain-").FullName;
    private readonly string _host;

    public ShowExplainTests()
    {
        _host = Path.Combine(_folder, "host.nix");
        File.WriteAllText(_host, HostText);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The 1-based line of the first line of the host that contains <paramref name="text"/>.</summary>
    private static int LineOf(string text) =>
        HostText.Split('\n').Select((line, i) => (line, i)).First(p => p.line.Contains(text, StringComparison.Ordinal)).i + 1;

    private JsonObject ExplainJson(string option)
    {
        var run = CliRun.Invoke("show", _host, option, "--explain", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var options = JsonNode.Parse(run.Stdout)!["options"]!.AsArray();
        return Assert.Single(options)!.AsObject();
    }

    private static List<JsonObject> Definitions(JsonObject option) =>
        [.. option["definitions"]!.AsArray().Select(d => d!.AsObject())];

    [Fact]
    public void MkForce_over_a_plain_definition_lists_both_and_marks_the_forced_one_used()
    {
        var group = ExplainJson("security.acme.certs.\"example.org\".group");
        Assert.Equal("security.acme.certs.\"example.org\".group", (string?)group["option"]);
        Assert.StartsWith("user or group name (", (string?)group["type"]);
        Assert.Equal("forced", (string?)group["value"]);

        var definitions = Definitions(group);
        var forced = Assert.Single(definitions, d => (string?)d["value"] == "forced");
        Assert.Equal(50, (int)forced["priority"]!);
        Assert.Equal("used", (string?)forced["status"]);
        Assert.Equal("definition", (string?)forced["kind"]);
        Assert.EndsWith("host.nix", (string?)forced["file"]);
        Assert.Equal(LineOf("group = lib.mkForce"), (int)forced["line"]!);

        var plain = Assert.Single(definitions, d => (string?)d["value"] == "plain");
        Assert.Equal(100, (int)plain["priority"]!);
        Assert.Equal("overridden", (string?)plain["status"]);
        Assert.Equal(LineOf("group = \"plain\""), (int)plain["line"]!);

        // The option's default (inherited from security.acme.defaults.group) lost as well.
        var byDefault = Assert.Single(definitions, d => (string?)d["kind"] == "default");
        Assert.Equal(1500, (int)byDefault["priority"]!);
        Assert.Equal("overridden", (string?)byDefault["status"]);
        Assert.Equal("acme", (string?)byDefault["value"]);
    }

    [Fact]
    public void An_option_only_defaulted_shows_its_declaration_as_the_source()
    {
        var keyType = ExplainJson("security.acme.certs.\"example.org\".keyType");
        Assert.Equal("ec256", (string?)keyType["value"]);
        var declaration = Assert.Single(keyType["declarations"]!.AsArray())!;
        Assert.Equal("<configlang/modules/security/acme.nix>", (string?)declaration["file"]);

        var source = Assert.Single(Definitions(keyType));
        Assert.Equal("default", (string?)source["kind"]);
        Assert.Equal("used", (string?)source["status"]);
        Assert.Equal(1500, (int)source["priority"]!);
        Assert.Equal("ec256", (string?)source["value"]);
        Assert.Equal((string?)declaration["file"], (string?)source["file"]);
        Assert.Equal((int)declaration["line"]!, (int)source["line"]!);
    }

    [Fact]
    public void MkIf_false_is_disabled_and_mkBefore_carries_its_order()
    {
        var domains = ExplainJson("security.acme.certs.\"example.org\".extraDomainNames");
        Assert.Equal(["a.example.org", "b.example.org"], domains["value"]!.AsArray().Select(d => (string?)d));
        var definitions = Definitions(domains).Where(d => (string?)d["kind"] == "definition").ToList();
        Assert.Equal(3, definitions.Count);

        var never = Assert.Single(definitions, d => (string?)d["status"] == "disabled");
        Assert.Equal("never.example.org", (string?)never["value"]![0]);
        var before = Assert.Single(definitions, d => d["order"] is not null);
        Assert.Equal(500, (int)before["order"]!);
        Assert.Equal("used", (string?)before["status"]);
        Assert.All(definitions, d => Assert.Equal(LineOf("extraDomainNames = lib.mkMerge"), (int)d["line"]!));
    }

    [Fact]
    public void Text_output_names_each_definition_with_status_priority_and_location()
    {
        var run = CliRun.Invoke("show", _host, "security.acme.certs.\"example.org\".group", "--explain");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        Assert.Equal("security.acme.certs.\"example.org\".group = \"forced\"", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  type: user or group name (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("declared in: <configlang/modules/security/acme.nix>:", StringComparison.Ordinal));
        var forced = Assert.Single(lines, l => l.Contains("mkForce (50)", StringComparison.Ordinal));
        Assert.StartsWith("    used ", forced);
        Assert.Contains($"host.nix:{LineOf("group = lib.mkForce")}:", forced);
        Assert.EndsWith("\"forced\"", forced);
        var plain = Assert.Single(lines, l => l.Contains("plain (100)", StringComparison.Ordinal));
        Assert.StartsWith("    overridden ", plain);
    }

    [Fact]
    public void A_subtree_explains_each_defined_leaf_of_each_submodule_value()
    {
        var run = CliRun.Invoke("show", _host, "security.acme.certs", "--explain", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var names = JsonNode.Parse(run.Stdout)!["options"]!.AsArray().Select(o => (string?)o!["option"]).ToList();
        Assert.Contains("security.acme.certs.\"example.org\".group", names);
        Assert.Contains("security.acme.certs.\"example.org\".keyType", names);
        Assert.Contains("security.acme.certs.\"example.org\".webroot", names);
        // Options nobody set and without a default are not forced, so they are not listed.
        Assert.DoesNotContain("security.acme.certs.\"example.org\".credentialsFile", names);
    }

    public static TheoryData<string> Examples() => ShowExamplesGoldenTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_explains_as_a_whole_and_each_listed_option_has_a_used_definition(string example)
    {
        var host = Path.Combine(ConfigLang.TestSupport.RepositoryRoot.Path, "examples", example, "host.nix");
        var run = CliRun.Invoke("show", host, "--explain", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var options = JsonNode.Parse(run.Stdout)!["options"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Contains(options, o => ((string?)o["option"])!.StartsWith("security.acme.certs.", StringComparison.Ordinal));
        Assert.All(options, o =>
        {
            Assert.True((bool)o["defined"]!);
            Assert.Contains(o["definitions"]!.AsArray(), d => (string?)d!["status"] == "used");
        });
    }

    private const string InheritingHostText = """
        { lib, ... }:
        {
          security.acme.acceptTerms = true;
          security.acme.defaults = {
            email = "admin@example.org";
            dnsProvider = "rfc2136";
          };
          security.acme.certs."example.org".environmentFile = "/run/secrets/dns";
          security.acme.certs."apart.example.org" = {
            inheritDefaults = false;
            email = "other@example.org";
          };
        }
        """;

    private JsonObject ExplainInheriting(string option)
    {
        var host = Path.Combine(_folder, "inheriting.nix");
        File.WriteAllText(host, InheritingHostText);
        var run = CliRun.Invoke("show", host, option, "--explain", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Assert.Single(JsonNode.Parse(run.Stdout)!["options"]!.AsArray())!.AsObject();
    }

    private static int InheritingLineOf(string text) =>
        InheritingHostText.Split('\n').Select((line, i) => (line, i)).First(p => p.line.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void An_alias_of_an_unset_option_adds_no_internal_merge_row()
    {
        // environmentFile is also defined, under mkIf false, by the credentialsFile alias.
        var environmentFile = ExplainInheriting("security.acme.certs.\"example.org\".environmentFile");
        Assert.Equal("/run/secrets/dns", (string?)environmentFile["value"]);
        var definitions = Definitions(environmentFile);
        Assert.DoesNotContain(definitions, d => d["value"] is JsonObject);
        var used = Assert.Single(definitions, d => (string?)d["status"] == "used");
        Assert.Equal("definition", (string?)used["kind"]);
        Assert.Equal(InheritingLineOf("environmentFile = \"/run/secrets/dns\""), (int)used["line"]!);
        Assert.Equal(["default", "definition"], definitions.Select(d => (string?)d["kind"]));
    }

    [Fact]
    public void An_inherited_default_points_at_the_defaults_definition()
    {
        var email = ExplainInheriting("security.acme.certs.\"example.org\".email");
        Assert.Equal("admin@example.org", (string?)email["value"]);
        var source = Assert.Single(Definitions(email));
        Assert.Equal("default", (string?)source["kind"]);
        Assert.Equal("used", (string?)source["status"]);
        var inherited = source["inheritedFrom"]!.AsObject();
        Assert.Equal("security.acme.defaults.email", (string?)inherited["option"]);
        Assert.EndsWith("inheriting.nix", (string?)inherited["file"]);
        Assert.Equal(InheritingLineOf("email = \"admin@example.org\""), (int)inherited["line"]!);
        Assert.Equal(InheritingHostText.Split('\n')[InheritingLineOf("email = \"admin") - 1].IndexOf("email", StringComparison.Ordinal) + 1,
            (int)inherited["column"]!);
    }

    [Fact]
    public void A_default_not_inherited_has_no_pointer()
    {
        // inheritDefaults = false: the hard default, whatever security.acme.defaults says.
        var provider = ExplainInheriting("security.acme.certs.\"apart.example.org\".dnsProvider");
        var source = Assert.Single(Definitions(provider));
        Assert.Equal("default", (string?)source["kind"]);
        Assert.Null(source["inheritedFrom"]);
        // Nor does an option whose source is only defaulted itself.
        var keyType = ExplainInheriting("security.acme.certs.\"example.org\".keyType");
        Assert.Null(Assert.Single(Definitions(keyType))["inheritedFrom"]);
    }

    [Fact]
    public void Text_output_names_where_an_inherited_default_was_set()
    {
        var host = Path.Combine(_folder, "inheriting.nix");
        File.WriteAllText(host, InheritingHostText);
        var run = CliRun.Invoke("show", host, "security.acme.certs.\"example.org\".email", "--explain");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("option default (1500)", StringComparison.Ordinal));
        Assert.Contains($"(inherited from security.acme.defaults.email at ", line);
        Assert.Contains($"inheriting.nix:{InheritingLineOf("email = \"admin@example.org\"")}:", line);
    }

    [Fact]
    public void An_option_that_does_not_exist_is_an_input_error()
    {
        var run = CliRun.Invoke("show", _host, "security.acme.nosuch", "--explain");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("security.acme.nosuch", run.Stderr);
        Assert.Contains("does not exist", run.Stderr);
    }
}
