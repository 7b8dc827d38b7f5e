using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigLang.Cli.Tests.Rendering;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Every example host evaluates verbatim with the built-in option library, and the resolved
/// certificate settings that the later stages use (domains, group, challenge, reloads,
/// directory) match a golden file per example under <c>Rendering/Golden/show/</c>.
/// </summary>
public sealed class ShowExamplesGoldenTests
{
    // The resolved values that decide what is ordered and who can read it.
    private static readonly string[] KeyFields =
        ["domain", "extraDomainNames", "group", "webroot", "dnsProvider", "reloadServices", "directory", "server", "email"];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "examples")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "host.nix"))) data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Show_json_of_the_certificates_resolves_the_key_values(string example)
    {
        var host = Path.Combine(RepositoryRoot.Path, "examples", example, "host.nix");
        var run = CliRun.Invoke("show", host, "security.acme.certs", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var certs = JsonNode.Parse(run.Stdout)!.AsObject();
        var projected = new JsonObject();
        foreach (var (name, cert) in certs.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var fields = new JsonObject();
            foreach (var field in KeyFields) fields[field] = cert![field]?.DeepClone();
            projected[name] = fields;
        }
        var text = projected.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        GoldenFile.AssertMatches($"show/{example}.json", text);
    }
}
