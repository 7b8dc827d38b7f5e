using ConfigLang.Host;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// A temporary folder of DNS provider files (environment and credential files) and the host facts of
/// one certificate that names them: what the checks reading provider variables (CL3017, CL3025) judge.
/// </summary>
internal sealed class ProviderFileFolder(string prefix) : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Writes <paramref name="content"/> at <paramref name="name"/> under <see cref="Root"/> (folders made) and gives its full path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A host with one certificate, example.org, using <paramref name="provider"/> with these files.</summary>
    public static HostFacts Facts(string provider = "cloudflare", string? environmentFile = null, Dictionary<string, string>? credentialFiles = null) =>
        new([new CertFacts("example.org", "example.org", [], null, provider, null, null, null, "acme", environmentFile,
            credentialFiles ?? [], "")], [], new Dictionary<string, UserFacts>(), new Dictionary<string, IReadOnlyList<string>>()) { Locator = new PathEchoLocator() };
}
