using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Certificate names that cannot be one directory and option values that cannot be a path:
/// every command reports them at the user's definition and exits 1, never with an unhandled
/// exception, and rebuild/renew touch nothing under the root (issue 13).
/// </summary>
public sealed class HostileNamesAndPathsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-hostile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Root => Path.Combine(_dir.FullName, "root");

    // Line 7 holds the certificate; nginx is on, so a rebuild that went ahead would write nginx.conf and units.
    private string Host(string certificateName, string certificateBody = "listenHTTP = \":80\"; domain = \"example.org\";")
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            { config, ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.org";
                defaults.server = "https://127.0.0.1:9/dir";
                certs.{{certificateName}} = { {{certificateBody}} };
              };
              networking.firewall.allowedTCPPorts = [ 80 443 ];
              services.nginx.enable = true;
              services.nginx.virtualHosts."example.org".locations."/".return = "200";
            }
            """);
        return path;
    }

    /// <summary>Something already under the root that must keep its content, plus nothing else appearing.</summary>
    private string PlantSentinel()
    {
        var sentinel = Path.Combine(Root, "etc", "nginx", "nginx.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(sentinel)!);
        File.WriteAllText(sentinel, "# the administrator's own\n");
        return sentinel;
    }

    private void AssertRootUntouched(string sentinel)
    {
        Assert.Equal("# the administrator's own\n", File.ReadAllText(sentinel));
        Assert.Equal([sentinel], Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Where(File.Exists));
        Assert.Equal([Path.Combine(Root, "etc"), Path.Combine(Root, "etc", "nginx")],
            Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    private static string[] Command(string command, string host, string root) => command switch
    {
        "lint" or "show" => [command, host],
        "preview" => [command, host, "--root", root],
        _ => [command, host, "--root", root, "--service-manager", "none"],
    };

    public static TheoryData<string, string, string> NamesByCommand()
    {
        var data = new TheoryData<string, string, string>();
        string[] names = ["\"../../../../etc/x\"", "\"/etc/x\"", "\"a/b\"", "\".hidden\"", "\"..\"", "\"\"", $"\"{new string('a', 256)}\""];
        foreach (var command in new[] { "lint", "show", "preview", "rebuild", "renew" })
        {
            foreach (var name in names) data.Add(command, name, "is not a file name");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NamesByCommand))]
    public void A_name_that_is_not_one_file_name_is_a_located_error_and_nothing_is_written(string command, string name, string message)
    {
        var host = Host(name);
        var sentinel = PlantSentinel();

        var run = CliRun.Invoke(Command(command, host, Root));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains(message, run.Stderr);
        // Lint, preview and rebuild point with `-->`; show prints Nix's `at FILE:LINE:COL`.
        Assert.Contains($"{host}:7:11", run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.DoesNotContain('\0', run.Stderr + run.Stdout);
        AssertRootUntouched(sentinel);
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void Every_request_error_is_found_before_the_lock_nginx_conf_or_the_units_are_written(string command)
    {
        var host = Host("\"example.org\"", "listenHTTP = \":80\"; renewInterval = \"every full moon\";");
        var sentinel = PlantSentinel();

        var run = CliRun.Invoke(Command(command, host, Root));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("error[CL3102]: renewInterval of certificate 'example.org'", run.Stderr);
        Assert.Contains($"--> {host}:7:", run.Stderr);
        AssertRootUntouched(sentinel);
    }

    /// <summary>
    /// A NUL in a name or path, the way a program could once make one: fromJSON now refuses it
    /// where it is called, as newer Nix does. (The typed plan's own NUL checks, CertificateName
    /// and the account-file writer, are tested in ConfigLang.Acme.Tests.)
    /// </summary>
    private const string Nul = "(builtins.fromJSON \"\\\"/run/x\\\\u0000y\\\"\")";

    public static TheoryData<string, string> NulByCommand()
    {
        var data = new TheoryData<string, string>();
        string[] bodies =
        [
            "dnsProvider = \"cloudflare\"; environmentFile = " + Nul + ";",
            "dnsProvider = \"cloudflare\"; credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE = " + Nul + ";",
            "listenHTTP = \":80\"; eab.kid = \"k\"; eab.hmacFile = " + Nul + ";",
            "webroot = " + Nul + ";",
            "listenHTTP = \":80\"; csr = " + Nul + "; csrKey = \"/k\";",
        ];
        foreach (var command in new[] { "lint", "show", "preview", "rebuild", "renew" })
        {
            foreach (var body in bodies) data.Add(command, body);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NulByCommand))]
    public void A_nul_from_fromJSON_is_refused_where_fromJSON_is_called_and_nothing_is_written(string command, string body)
    {
        var host = Host("\"example.org\"", body);
        var sentinel = PlantSentinel();

        var run = CliRun.Invoke(Command(command, host, Root));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("input string '/run/x\u2400y' cannot be represented as Nix string because it contains null bytes", run.Stderr);
        Assert.Contains($"{host}:7:{body.IndexOf(Nul, StringComparison.Ordinal) + 30}", run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        Assert.DoesNotContain('\0', run.Stderr + run.Stdout);
        AssertRootUntouched(sentinel);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("show")]
    [InlineData("preview")]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void A_certificate_name_holding_nul_is_refused_by_fromJSON_and_nothing_is_written(string command)
    {
        var host = Host("${builtins.fromJSON \"\\\"a\\\\u0000b\\\"\"}");
        var sentinel = PlantSentinel();

        var run = CliRun.Invoke(Command(command, host, Root));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes", run.Stderr);
        Assert.Contains($"{host}:7:13", run.Stderr);
        Assert.DoesNotContain('\0', run.Stderr + run.Stdout);
        AssertRootUntouched(sentinel);
    }

    public static TheoryData<string, string, string> PathValuesByCommand()
    {
        var data = new TheoryData<string, string, string>();
        (string Body, string Option)[] cases =
        [
            ("dnsProvider = \"cloudflare\"; environmentFile = \"\";", "environmentFile"),
            ("dnsProvider = \"cloudflare\"; credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE = \"run/x\";", "credentialFiles.CLOUDFLARE_DNS_API_TOKEN_FILE"),
            ("listenHTTP = \":80\"; eab.kid = \"k\"; eab.hmacFile = \"relative\";", "eab.hmacFile"),
            ("webroot = \"\";", "webroot"),
            ("listenHTTP = \":80\"; csr = \"c\"; csrKey = \"/k\";", "csr"),
        ];
        foreach (var command in new[] { "lint", "preview", "rebuild" })
        {
            foreach (var (body, option) in cases) data.Add(command, body, option);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PathValuesByCommand))]
    public void A_value_that_cannot_be_a_path_is_a_located_type_error_not_a_crash(string command, string body, string option)
    {
        var host = Host("\"example.org\"", body);
        var sentinel = PlantSentinel();

        var run = CliRun.Invoke(Command(command, host, Root));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains($"error[CL2003]: A definition for option `security.acme.certs.\"example.org\".{option}' is not of type", run.Stderr);
        Assert.Contains($"--> {host}:7:", run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        Assert.DoesNotContain('\0', run.Stderr + run.Stdout);
        AssertRootUntouched(sentinel);
    }

    [Fact]
    public void A_name_of_255_bytes_is_fine_and_a_dotted_name_is_only_a_dns_finding()
    {
        var longest = Host($"\"{new string('a', 255)}\"");
        Assert.Equal(0, CliRun.Invoke("lint", longest).ExitCode);
        var preview = CliRun.Invoke("preview", longest, "--root", Root);
        Assert.True(preview.ExitCode == 0, preview.Stderr);
        Assert.Contains(new string('a', 255) + "  issue", preview.Stdout);

        // `a..b` is one file name; as the primary domain it has an empty label, which CL3008 reports.
        var dotted = CliRun.Invoke("lint", Host("\"a..b\"", "listenHTTP = \":80\";"));
        Assert.Equal(1, dotted.ExitCode);
        Assert.Contains("error[CL3008]", dotted.Stderr);
        Assert.DoesNotContain("CL2015", dotted.Stderr);
        Assert.Equal(0, CliRun.Invoke("lint", Host("\"a..b\"")).ExitCode);
    }
}
