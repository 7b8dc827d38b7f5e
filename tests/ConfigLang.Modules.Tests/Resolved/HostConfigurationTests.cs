using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Modules.Tests.Resolved;

/// <summary>
/// The typed seam: a host evaluated once, read as values with the origin of every definition
/// (file, line, column, priority, whether it won) and evaluation errors located in the user's files.
/// </summary>
public sealed class HostConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-resolved-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private HostEvaluation<T> Evaluate<T>(string host, Func<HostConfiguration, T> read) =>
        new HostEvaluator(new EvaluatorOptions { CurrentDirectory = _dir.FullName }).Evaluate(host, read);

    private static string At(Evaluator.Text.SourceLocation? location) =>
        location is { } l ? $"{Path.GetFileName(l.Source.Path)}:{l.Start.Line}:{l.Start.Column}" : "none";

    // The evaluator keeps strings as UTF-8 bytes; what the seam hands out (and takes) is .NET text.
    [Fact]
    public void Non_ASCII_names_and_strings_cross_the_seam_as_text()
    {
        var host = Write("host.nix", """
            {
              security.acme.defaults.email = "ä@example.org";
              security.acme.certs."bücher.example" = { };
            }
            """);
        var result = Evaluate(host, config =>
        {
            var certs = config.Get("security.acme.certs");
            return (certs.Names, certs["bücher.example"]["domain"].String, certs["bücher.example"]["email"].String,
                At(certs["bücher.example"].Location));
        });
        Assert.Null(result.Error);
        var (names, domain, email, at) = result.Value;
        Assert.Equal(["bücher.example"], names);
        Assert.Equal("bücher.example", domain);
        Assert.Equal("ä@example.org", email);
        Assert.Equal("host.nix:3:23", at);
    }

    [Fact]
    public void Values_of_certificates_built_by_genAttrs_point_at_their_definitions()
    {
        var host = Write("host.nix", """
            { lib, ... }:
            let group = "nginx"; in
            {
              security.acme.defaults.email = "a@example.org";
              security.acme.certs = lib.genAttrs [ "a.org" "b.org" ] (name: {
                inherit group;
              }) // {
                "c.org".group = "www";
              };
            }
            """);
        var result = Evaluate(host, config =>
        {
            var certs = config.Get("security.acme.certs");
            return (certs.Names, certs["a.org"]["group"].String, At(certs["c.org"]["group"].Location),
                At(certs["b.org"]["group"].Location), certs["c.org"].Origin!.Definitions.Count, At(certs["c.org"].Location));
        });
        Assert.Null(result.Error);
        var (names, group, cAt, bAt, definitions, cCert) = result.Value;
        Assert.Equal(["a.org", "b.org", "c.org"], names);
        Assert.Equal("nginx", group);
        Assert.Equal("host.nix:8:13", cAt);
        Assert.Equal("host.nix:6:13", bAt);
        Assert.Equal(1, definitions);
        Assert.Equal("host.nix:8:5", cCert);
    }

    [Fact]
    public void A_default_is_an_origin_that_wins_only_without_a_user_definition()
    {
        var host = Write("host.nix", """
            {
              security.acme.defaults.email = "a@example.org";
              security.acme.certs."a.org".keyType = "rsa2048";
              security.acme.certs."b.org" = { };
            }
            """);
        var result = Evaluate(host, config =>
        {
            var a = config.Get("security.acme.certs.\"a.org\".keyType").Origin!;
            var b = config.Get("security.acme.certs.\"b.org\".keyType").Origin!;
            return (a, b);
        });
        Assert.Null(result.Error);
        var (a, b) = result.Value;
        Assert.False(a.IsDefault);
        Assert.Equal("host.nix:3:31", At(a.UserDefinition!.Position));
        Assert.Contains(a.Definitions, d => d.IsDefault && !d.Won && d.IsLibrary && d.Priority == 1500);
        Assert.True(b.IsDefault);
        Assert.Null(b.UserDefinition);
        Assert.Equal("security.acme.certs.\"b.org\".keyType", Modules.Options.OptionPath.Show(b.Option));
    }

    [Fact]
    public void Definitions_in_an_imported_file_point_into_that_file_and_losers_are_marked()
    {
        Write("certs.nix", """
            { lib, ... }: {
              security.acme.certs."a.org".group = lib.mkDefault "acme";
            }
            """);
        var host = Write("host.nix", """
            {
              imports = [ ./certs.nix ];
              security.acme.certs."a.org".group = "nginx";
            }
            """);
        var result = Evaluate(host, config => config.Get("security.acme.certs.\"a.org\".group").Origin!);
        Assert.Null(result.Error);
        var origin = result.Value!;
        Assert.Equal(["certs.nix:2:31:False:1000", "host.nix:3:31:True:100"],
            origin.Definitions.Where(d => !d.IsDefault).Select(d => $"{At(d.Position)}:{d.Won}:{d.Priority}").Order());
        Assert.Equal("host.nix:3:31", At(origin.Location));
    }

    [Fact]
    public void An_infinite_recursion_through_the_users_options_is_located_in_the_users_file()
    {
        var host = Write("host.nix", """
            { config, ... }:
            {
              security.acme.defaults.email = config.security.acme.certs."a.org".email;
              security.acme.certs."a.org" = { };
            }
            """);
        var result = Evaluate(host, config => config.Get("security.acme.certs.\"a.org\".email").String);
        var error = Assert.IsType<Evaluator.Diagnostics.Diagnostic>(result.Error);
        Assert.Contains("infinite recursion", error.Message, StringComparison.Ordinal);
        Assert.Equal(host, error.Location!.Value.Source.Path);
        Assert.Equal(3, error.Location.Value.Start.Line);
    }

    // Nix 2.8 frames a failure at a later name of a selection at the attribute found before it; that
    // place is not where the user's value comes from, so lint keeps the definition it reported before.
    [Fact]
    public void An_error_in_the_library_at_a_later_name_of_a_selection_is_located_at_the_users_definition()
    {
        var host = Write("host.nix", """
            { lib, ... }:
            let
              names = {
                a = { };
              };
            in
            {
              security.acme.defaults.email = names.a.${lib.optionalString 1 "x"};
            }
            """);
        var result = Evaluate(host, config => config.Get("security.acme.defaults.email").String);
        var error = Assert.IsType<Evaluator.Diagnostics.Diagnostic>(result.Error);
        Assert.Equal("host.nix:8:26", At(error.Location));
    }
}
