using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// Every option of the library whose value becomes a user or group name or a passwd field (a
/// certificate's group, <c>users.users</c>, <c>users.groups</c>, a service's account): a value
/// that would add lines or members to the account files rebuild writes as root is a type error
/// at the user's definition (issue 13).
/// </summary>
public sealed class AccountOptionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-accounts-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A host whose line 7 is <paramref name="line"/>.</summary>
    private ConfigLang.Modules.Resolved.QueryOutcome Show(string line, string attribute)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            { config, ... }:
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "a@example.org";
              security.acme.certs."example.org".listenHTTP = ":80";
              services.nginx.enable = true;
              {{line}}
            }
            """);
        return new ConfigurationQuery(new EvaluatorOptions()).Show(path, attribute, json: true);
    }

    private const string Injection = "\"evil:x:0:\\nroot2\"";

    public static TheoryData<string, string, string> Definitions() => new()
    {
        { $"security.acme.certs.\"example.org\".group = {Injection};", "security.acme.certs", "security.acme.certs.\"example.org\".group" },
        { $"security.acme.defaults.group = {Injection};", "security.acme.certs", "security.acme.defaults.group" },
        { $"users.users.bob = {{ isNormalUser = true; name = {Injection}; }};", "users.users", "users.users.bob.name" },
        { $"users.users.bob = {{ isNormalUser = true; group = {Injection}; }};", "users.users", "users.users.bob.group" },
        { $"users.users.nginx.extraGroups = [ \"acme\" {Injection} ];", "users.users", "users.users.nginx.extraGroups" },
        { $"users.users.bob = {{ isNormalUser = true; description = \"Bob\\nroot2:x:0:0::/:/bin/sh\"; }};", "users.users", "users.users.bob.description" },
        { $"users.users.bob = {{ isNormalUser = true; home = \"/home/bob:/bin/sh\"; }};", "users.users", "users.users.bob.home" },
        { $"users.groups.acme.name = {Injection};", "users.groups", "users.groups.acme.name" },
        { $"users.groups.acme.members = [ \"nginx,root\" ];", "users.groups", "users.groups.acme.members" },
        { $"services.nginx.user = {Injection};", "services.nginx.user", "services.nginx.user" },
        { $"services.nginx.group = {Injection};", "services.nginx.group", "services.nginx.group" },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void A_value_that_is_no_account_name_or_field_is_a_type_error_at_its_definition(string line, string attribute, string option)
    {
        var result = Show(line, attribute);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains($"A definition for option `{option}", result.Messages(showTrace: false));
        Assert.Contains("' is not of type `", result.Messages(showTrace: false));
        Assert.EndsWith("host.nix", result.Error.Location!.Value.Source.Path);
        Assert.Equal(7, result.Error.Location.Value.Start.Line);
    }

    [Theory]
    [InlineData("users.users.\"evil:x:0:\" = { isSystemUser = true; group = \"acme\"; };", "users.users", 15)]
    [InlineData("users.groups.\"root2\\nwheel\" = { };", "users.groups", 16)]
    public void An_account_attribute_name_that_is_no_account_name_is_refused_at_the_attribute(string line, string option, int column)
    {
        var result = Show(line, option);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.InvalidAttributeName, result.Error!.Code);
        Assert.Contains($"in `{option}' is not a user or group name", result.Messages(showTrace: false));
        Assert.Equal((7, column), (result.Error.Location!.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Fact]
    public void Accounts_as_nixos_configurations_write_them_are_kept()
    {
        var result = Show("""
            users.users.nginx.extraGroups = [ "acme" ]; users.users."John.Doe" = { isNormalUser = true; description = "John Doe, room 1"; extraGroups = [ "wheel" ]; }; users.groups.web.members = [ "nginx" ];
            """, "users");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Contains("\"home\":\"/home/John.Doe\"", result.Text!.Replace(" ", "").Replace("\n", ""));
        Assert.Contains("\"group\":\"users\"", result.Text!.Replace(" ", "").Replace("\n", ""));
    }
}
