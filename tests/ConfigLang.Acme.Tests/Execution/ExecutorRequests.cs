using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>Requests and options as the CLI would map them from a resolved configuration.</summary>
internal static class ExecutorRequests
{
    public static CertificateRequest Http(string name, string server, params string[] domains) => new()
    {
        Name = name,
        Domains = (domains.Length == 0 ? [name] : domains).Select(Identifier.Dns).ToArray(),
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, Webroot = "/var/lib/acme/acme-challenge" },
        Server = server,
        Email = "admin@example.test",
        Directory = StateLayout.HostCertificateDirectory(name),
        Group = "nginx",
        SourceTag = new SourceSite("tag:" + name, 1, 1),
    };

    /// <summary>The users and groups NixOS would create for these certificates (acme, plus nginx reading through its group).</summary>
    public static Acme.Execution.RebuildOptions Options(int jobs = 2) => new()
    {
        Jobs = jobs,
        Groups = [new("acme"), new("nginx")],
        Users = [new SystemUser("acme", "acme", "/var/lib/acme", []), new SystemUser("nginx", "nginx", "/var/empty", ["acme"])],
    };
}
