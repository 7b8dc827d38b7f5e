using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host.Checks;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>CL3013 on real files in a temporary folder with real modes: fires when "other" may
/// read the file (directly or through a link), quiet for 0600 and for files that do not exist.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CredentialsReadableByOthersCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-cl3013-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Secret(string name, UnixFileMode mode)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "CLOUDFLARE_DNS_API_TOKEN=x\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static HostFacts Facts(string? environmentFile = null, Dictionary<string, string>? credentialFiles = null, string? hmacFile = null) =>
        new([new CertFacts("example.org", "example.org", [], null, "cloudflare", null, null, null, "acme", environmentFile,
            credentialFiles ?? [], "") { EabHmacFile = hmacFile }], [], new Dictionary<string, UserFacts>(), new Dictionary<string, IReadOnlyList<string>>());

    [Fact]
    public void A_world_readable_environment_file_is_an_error_showing_its_mode_and_the_fix()
    {
        var path = Secret("cloudflare.env", Mode0644);
        var finding = Assert.Single(new CredentialsReadableByOthersCheck().Check(Facts(environmentFile: path)));
        Assert.Equal(LintCodes.CredentialsReadableByOthers, finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("(mode 0644)", finding.Message);
        Assert.Contains(path, finding.Message);
        Assert.Contains(finding.Notes, n => n.Contains("chmod 0600", StringComparison.Ordinal) && n.Contains("chown root:root", StringComparison.Ordinal));
        Assert.Equal("security.acme.certs.\"example.org\".environmentFile", finding.Subject);
    }

    [Fact]
    public void Credential_files_and_the_eab_key_are_checked_too()
    {
        var token = Secret("token", Mode0644 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        var hmac = Secret("hmac", Mode0644);
        var findings = new CredentialsReadableByOthersCheck()
            .Check(Facts(credentialFiles: new() { ["CLOUDFLARE_DNS_API_TOKEN_FILE"] = token }, hmacFile: hmac)).ToList();
        Assert.Equal(
            ["security.acme.certs.\"example.org\".credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE", "security.acme.certs.\"example.org\".eab.hmacFile"],
            findings.Select(f => f.Subject));
        Assert.Contains("(mode 0666)", findings[0].Message);
    }

    [Fact]
    public void A_link_to_a_world_readable_file_is_reported()
    {
        var target = Secret("real.env", Mode0644);
        var link = Path.Combine(_dir, "link.env");
        File.CreateSymbolicLink(link, target);
        var finding = Assert.Single(new CredentialsReadableByOthersCheck().Check(Facts(environmentFile: link)));
        Assert.Contains("(mode 0644)", finding.Message);
    }

    [Fact]
    public void Under_a_root_links_resolve_inside_it_as_rebuild_reads_them_never_to_a_file_beyond_it()
    {
        var root = Path.Combine(_dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "run", "secrets"));
        Directory.CreateDirectory(Path.Combine(root, "run", "agenix"));
        var agenix = Path.Combine(root, "run", "agenix", "dns.env");
        File.WriteAllText(agenix, "CLOUDFLARE_DNS_API_TOKEN=x\n");
        File.SetUnixFileMode(agenix, Mode0644);
        // As agenix links it: an absolute target, meant inside the root.
        File.CreateSymbolicLink(Path.Combine(root, "run", "secrets", "dns.env"), "/run/agenix/dns.env");
        // A link to a file beyond the root: rebuild would find nothing there, so there is nothing to judge.
        File.CreateSymbolicLink(Path.Combine(root, "run", "secrets", "hmac"), Secret("beyond", Mode0644));

        var findings = new CredentialsReadableByOthersCheck()
            .Check(Facts(environmentFile: "/run/secrets/dns.env", hmacFile: "/run/secrets/hmac") with { Root = root });

        var finding = Assert.Single(findings);
        Assert.Equal("security.acme.certs.\"example.org\".environmentFile", finding.Subject);
        Assert.Contains("(mode 0644)", finding.Message);
    }

    [Fact]
    public void Files_only_root_can_read_are_quiet_also_through_a_link()
    {
        var path = Secret("cloudflare.env", Mode0600);
        var link = Path.Combine(_dir, "link.env");
        File.CreateSymbolicLink(link, path);
        Assert.Empty(new CredentialsReadableByOthersCheck().Check(Facts(environmentFile: path, hmacFile: link)));
    }

    [Fact]
    public void Files_missing_at_lint_time_are_quiet()
    {
        var dangling = Path.Combine(_dir, "dangling.env");
        File.CreateSymbolicLink(dangling, Path.Combine(_dir, "nowhere"));
        var facts = Facts(environmentFile: Path.Combine(_dir, "absent.env"), hmacFile: dangling);
        Assert.Empty(new CredentialsReadableByOthersCheck().Check(facts));
    }

    [Fact]
    public void Host_paths_are_resolved_under_the_root()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "run", "secrets"));
        Secret(Path.Combine("run", "secrets", "cloudflare.env"), Mode0644);
        var facts = Facts(environmentFile: "/run/secrets/cloudflare.env");
        var finding = Assert.Single(new CredentialsReadableByOthersCheck().Check(facts with { Root = _dir }));
        Assert.Contains("/run/secrets/cloudflare.env", finding.Message);
    }

    // openat2 as on a kernel before 5.6 (ENOSYS).
    private static CredentialsReadableByOthersCheck WithoutOpenat2() =>
        new((files, path) => throw new ConfigLang.Acme.Storage.ConfinedResolutionUnavailableException(path, 38));

    [Fact]
    public void Without_openat2_a_world_readable_file_under_root_slash_is_still_reported()
    {
        var path = Secret("cloudflare.env", Mode0644);
        var finding = Assert.Single(WithoutOpenat2().Check(Facts(environmentFile: path)));
        Assert.True(finding.IsError);
        Assert.Contains("(mode 0644)", finding.Message);
    }

    [Fact]
    public void Without_openat2_a_device_under_root_slash_is_quiet_as_with_it()
    {
        // /dev/null is 0666 but no file of secrets: the openat2 path judges only regular files.
        Assert.Empty(WithoutOpenat2().Check(Facts(environmentFile: "/dev/null")));
        Assert.Empty(new CredentialsReadableByOthersCheck().Check(Facts(environmentFile: "/dev/null")));
    }

    [Fact]
    public void Without_openat2_a_link_to_a_world_readable_file_under_root_slash_is_reported()
    {
        var path = Secret("cloudflare.env", Mode0644);
        var link = Path.Combine(_dir, "env-link");
        File.CreateSymbolicLink(link, path);

        var finding = Assert.Single(WithoutOpenat2().Check(Facts(environmentFile: link)));

        Assert.Contains("(mode 0644)", finding.Message);
    }

    [Fact]
    public void Without_openat2_under_another_root_the_check_says_it_could_not_run()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "run", "secrets"));
        Secret(Path.Combine("run", "secrets", "cloudflare.env"), Mode0644);
        var facts = Facts(environmentFile: "/run/secrets/cloudflare.env") with { Root = _dir };

        var finding = Assert.Single(WithoutOpenat2().Check(facts));

        Assert.False(finding.IsError);
        Assert.Contains("could not check who can read", finding.Message);
        Assert.Contains("kernel before 5.6", finding.Message);
        Assert.Equal("security.acme.certs.\"example.org\".environmentFile", finding.Subject);
    }
}
