using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// The options of <c>security.acme</c> that become paths rebuild writes or reads as root: the
/// certificate's name (its directory) and the files and folders it names. A value that cannot be
/// such a path is a located error of the option type, for <c>show</c> as for every command.
/// </summary>
public sealed class AcmePathOptionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-acme-paths-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>"/run/x\0y", from a host builtin (<see cref="Evaluation.NulJoinBuiltin"/>): no program can make it.</summary>
    private const string Nul = "(builtins.joinWithNul \"/run/x\" \"y\")";

    private ConfigLang.Modules.Resolved.QueryOutcome Show(string certificate, string body)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "a@example.org";
              security.acme.certs.{{certificate}} = {
                {{body}}
              };
            }
            """);
        return new ConfigurationQuery(new EvaluatorOptions { BuiltinProviders = [new Evaluation.NulJoinBuiltin()] }).Show(path, "security.acme.certs", json: true);
    }

    [Theory]
    [InlineData("\"../../../../etc/x\"")]
    [InlineData("\"/etc/x\"")]
    [InlineData("\".accounts\"")]
    [InlineData("\"\"")]
    public void A_certificate_name_that_is_no_file_name_is_refused_at_its_attribute(string name)
    {
        var result = Show(name, "listenHTTP = \":80\"; domain = \"example.org\";");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.InvalidAttributeName, result.Error!.Code);
        Assert.Contains("in `security.acme.certs' is not a file name", result.Messages(showTrace: false));
        Assert.Equal((4, 23), (result.Error.Location!.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Theory]
    [InlineData("dnsProvider = \"cloudflare\"; environmentFile = " + Nul + ";", "environmentFile", "null or absolute path")]
    [InlineData("dnsProvider = \"cloudflare\"; environmentFile = \"\";", "environmentFile", "null or absolute path")]
    [InlineData("dnsProvider = \"cloudflare\"; credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE = " + Nul + ";", "credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE", "absolute path")]
    [InlineData("listenHTTP = \":80\"; eab.kid = \"k\"; eab.hmacFile = " + Nul + ";", "eab.hmacFile", "null or absolute path")]
    // Relative: NixOS's types.path (pathWith { absolute = true; }) refuses them too, so rebuild never gets one to resolve against its root.
    // (Relative credentialFiles.* and eab.hmacFile are pinned in every command by the Cli's HostileNamesAndPathsTests.)
    [InlineData("dnsProvider = \"cloudflare\"; environmentFile = \"secrets/cloudflare.env\";", "environmentFile", "null or absolute path")]
    [InlineData("dnsProvider = \"cloudflare\"; credentialsFile = \"./cloudflare.env\";", "credentialsFile", "null or absolute path")]
    [InlineData("webroot = " + Nul + ";", "webroot", "null or absolute path")]
    [InlineData("webroot = \"\";", "webroot", "null or absolute path")]
    [InlineData("webroot = \"relative/dir\";", "webroot", "null or absolute path")]
    [InlineData("listenHTTP = \":80\"; csr = " + Nul + "; csrKey = \"/k\";", "csr", "null or absolute path")]
    [InlineData("listenHTTP = \":80\"; csr = \"/c\"; csrKey = \"\";", "csrKey", "null or absolute path")]
    public void A_value_that_cannot_be_a_path_is_a_type_error_at_its_definition(string body, string option, string type)
    {
        var result = Show("\"example.org\"", body);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains($"`security.acme.certs.\"example.org\".{option}' is not of type `{type}'", result.Messages(showTrace: false));
        Assert.Equal(5, result.Error.Location!.Value.Start.Line);
        Assert.DoesNotContain('\0', result.Messages(showTrace: false));
    }

    [Fact]
    public void A_program_cannot_make_a_path_holding_nul_since_fromJSON_refuses_it_where_it_is_called()
    {
        var result = Show("\"example.org\"", "dnsProvider = \"cloudflare\"; environmentFile = builtins.fromJSON \"\\\"/run/x\\\\u0000y\\\"\";");
        Assert.False(result.Succeeded);
        Assert.Contains("input string '/run/x\u2400y' cannot be represented as Nix string because it contains null bytes", result.Messages(showTrace: false));
        Assert.Equal((5, 51), (result.Error!.Location!.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        var result = Show("\"example.org\"", "webroot = \"/var/lib/acme/acme-challenge\"; eab.kid = \"k\"; eab.hmacFile = \"/run/secrets/hmac\";");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Contains("\"webroot\":\"/var/lib/acme/acme-challenge\"", result.Text!.Replace(" ", "").Replace("\n", ""));
    }
}
