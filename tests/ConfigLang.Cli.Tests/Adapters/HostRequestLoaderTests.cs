using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Composition;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Resolved;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// The loader behind preview, rebuild and renew: certificates, facts and what the caller's reader
/// needs come from the lint's one evaluation; a reader that fails is reported with its error.
/// </summary>
public sealed class HostRequestLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-loader-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private LoadedHost<T>? Load<T>(Func<HostConfiguration, HostFacts, T> extra, out int exitCode)
    {
        var path = Path.Combine(_dir, "host.nix");
        File.WriteAllText(path, """
            { ... }:
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "a@example.org";
              security.acme.certs."example.org" = { listenHTTP = ":80"; extraDomainNames = [ "www.example.org" ]; };
              networking.firewall.allowedTCPPorts = [ 80 ];
            }
            """);
        var linter = new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();
        return new HostRequestLoader(new CliConsole(_out, _error), linter).Load(path, new EvaluatorOptions(), "/", out exitCode, extra);
    }

    [Fact]
    public void Requests_facts_and_the_extra_query_come_back_together()
    {
        var host = Load((config, _) => config.Get("security.acme.defaults.email").String, out var exitCode);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var request = Assert.Single(host!.Requests);
        Assert.Equal(["example.org", "www.example.org"], request.Domains.Select(d => d.Value));
        Assert.Equal(":80", Assert.Single(host.Facts.Certs).ListenHttp);
        Assert.Equal("a@example.org", host.Extra);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void A_failing_extra_query_is_reported_with_its_own_error()
    {
        var host = Load((config, _) => config.Get("security.acme.noSuchOption").String, out var exitCode);

        Assert.Null(host);
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("security.acme.noSuchOption", _error.ToString(), StringComparison.Ordinal);
    }
}
