using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// <c>security.acme.cluster</c>'s types: endpoints are <c>http://</c> or <c>https://</c> URLs of
/// a host and port (a bad one is a type error at its definition, with line and column), the
/// prefix is an absolute key, the defaults themselves pass their types.
/// </summary>
public sealed class AcmeClusterOptionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-acme-cluster-");

    public void Dispose() => _dir.Delete(recursive: true);

    private ConfigLang.Modules.Resolved.QueryOutcome Show(string cluster)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.cluster = {
                enable = true;
                encryptionKeyFile = "/run/secrets/acme-cluster.key";
                {{cluster}}
              };
            }
            """);
        return new ConfigurationQuery(new EvaluatorOptions()).Show(path, "security.acme.cluster", json: true);
    }

    [Theory]
    [InlineData("\"http://127.0.0.1:2379\"")]
    [InlineData("\"https://etcd1.example.org:2379\" \"https://[::1]:2379/\"")]
    public void Http_and_https_urls_and_the_default_prefix_are_kept(string endpoints)
    {
        var result = Show($"endpoints = [ {endpoints} ];");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        var json = result.Text!.Replace(" ", "").Replace("\n", "");
        Assert.Contains("\"prefix\":\"/configlang/acme\"", json);
        Assert.Contains("\"lockTTL\":30", json);
    }

    [Theory]
    [InlineData("etcd1.example.org:2379")]
    [InlineData("ftp://etcd1.example.org:2379")]
    [InlineData("https://etcd1.example.org:2379/v3/kv")]
    [InlineData("https://user@etcd1.example.org:2379")]
    [InlineData("https://etcd 1:2379")]
    public void A_bad_endpoint_is_a_type_error_at_its_definition(string endpoint)
    {
        var result = Show($"endpoints = [ \"{endpoint}\" ];");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains("security.acme.cluster.endpoints", result.Messages(showTrace: false));
        Assert.Contains("is not of type `string matching the pattern https?://", result.Messages(showTrace: false));
        Assert.Equal((5, 5), (result.Error.Location!.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Theory]
    [InlineData("prefix = \"configlang\";", "prefix")]
    [InlineData("prefix = \"/config lang\";", "prefix")]
    [InlineData("lockTTL = 2;", "lockTTL")]
    public void A_bad_prefix_or_lock_ttl_is_a_type_error_at_its_definition(string body, string option)
    {
        var result = Show("endpoints = [ \"http://127.0.0.1:2379\" ]; " + body);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains($"security.acme.cluster.{option}'", result.Messages(showTrace: false));
        Assert.Equal(5, result.Error.Location!.Value.Start.Line);
    }
}
