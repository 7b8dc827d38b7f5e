using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang rebuild</c>/<c>renew</c> without a CA: a dry run prints the plan and writes
/// nothing; a host with lint errors exits 1 before anything is touched; bad flags are usage errors.
/// </summary>
public sealed class RebuildCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("configlang-rebuild-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string Example(params string[] parts) => Path.Combine([RepositoryRoot.Path, "examples", .. parts]);

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void Dry_run_prints_the_plan_and_writes_nothing(string command)
    {
        var run = CliRun.Invoke(command, Example("http01-nginx", "host.nix"), "--root", _root.FullName, "--dry-run", "--service-manager", "none");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("issue", run.Stdout);
        Assert.Contains("would issue", run.Stderr);
        Assert.Empty(_root.EnumerateFileSystemInfos());
    }

    [Fact]
    public void A_host_with_lint_errors_exits_1_and_touches_nothing()
    {
        var run = CliRun.Invoke("rebuild", Example("broken", "no-email.nix"), "--root", _root.FullName, "--service-manager", "none");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error[", run.Stderr);
        Assert.Empty(_root.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("--service-manager", "upstart")]
    [InlineData("--jobs", "-1")]
    [InlineData("--ca-file", "/nonexistent/ca.pem")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-5")]
    [InlineData("--timeout", "soon")]
    [InlineData("--timeout", "86400")]
    public void Bad_flags_are_usage_errors_and_touch_nothing(string flag, string value)
    {
        var run = CliRun.Invoke("rebuild", Example("minimal", "host.nix"), "--root", _root.FullName, flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(_root.EnumerateFileSystemInfos());
    }

    [Fact]
    public void A_ca_file_that_is_no_pem_certificate_is_a_usage_error_before_anything_is_written()
    {
        var notPem = Path.Combine(_root.FullName, "ca.pem");
        File.WriteAllText(notPem, "not a certificate\n");
        var root = Path.Combine(_root.FullName, "root");

        var run = CliRun.Invoke("rebuild", Example("minimal", "host.nix"), "--root", root, "--service-manager", "none", "--ca-file", notPem);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains($"--ca-file '{notPem}' is not a readable PEM certificate", run.Stderr);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void An_unreachable_ca_is_an_execution_failure_named_by_certificate_with_nginx_and_placeholder_in_place()
    {
        // A port on 127.0.0.1 that nobody listens on: the order fails fast and offline.
        var host = Path.Combine(_root.FullName, "host.nix");
        File.WriteAllText(host, File.ReadAllText(Example("minimal", "host.nix"))
            .Replace("acceptTerms = true;", "acceptTerms = true;\n    defaults.server = \"https://127.0.0.1:9/dir\";", StringComparison.Ordinal));
        var root = Path.Combine(_root.FullName, "root");

        var run = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none");

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Contains("error: certificate 'example.org'", run.Stderr);
        Assert.Contains($"--> {host}:", run.Stderr);
        Assert.Contains("FAILED", run.Stdout);
        var nginx = File.ReadAllText(Path.Combine(root, "etc", "nginx", "nginx.conf"));
        Assert.Contains("ssl_certificate /var/lib/acme/example.org/fullchain.pem;", nginx);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(nginx, "server_name example.org;\n    ssl_certificate").ToArray());
        Assert.True(File.Exists(Path.Combine(root, "var", "lib", "acme", "example.org", "fullchain.pem")), "the placeholder lets nginx start");
        var units = Path.Combine(root, "etc", "systemd", "system");
        Assert.Contains("OnCalendar=daily", File.ReadAllText(Path.Combine(units, "acme-example.org.timer")));
        var service = File.ReadAllText(Path.Combine(units, "acme-example.org.service"));
        // The configuration recorded at rebuild time; --root is the host's own '/' for the units, so it is not in them.
        Assert.Contains($" renew {host} --service-manager none --cert example.org\n", service);
        Assert.DoesNotContain("--root", service);
        // nginx answers this certificate's webroot challenge, so it starts before the certificate's service.
        Assert.EndsWith("[Unit]\nWants=acme-example.org.service\nBefore=acme-example.org.service\n",
            File.ReadAllText(Path.Combine(units, "nginx.service.d", "configlang-acme.conf")));
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public void A_ca_that_accepts_and_never_answers_fails_after_the_timeout_naming_it_with_a_summary_and_exit_3(string command)
    {
        using var ca = new SilentServer();
        var url = $"https://127.0.0.1:{ca.Port}/dir";
        var host = Path.Combine(_root.FullName, "host.nix");
        File.WriteAllText(host, File.ReadAllText(Example("minimal", "host.nix"))
            .Replace("acceptTerms = true;", $"acceptTerms = true;\n    defaults.server = \"{url}\";", StringComparison.Ordinal));
        var root = Path.Combine(_root.FullName, "root");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var run = CliRun.Invoke(command, host, "--root", root, "--service-manager", "none", "--timeout", "2");

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Contains($"error: certificate 'example.org': no answer from {url} within 2 s", run.Stderr);
        Assert.Contains("FAILED", run.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.True(ca.WaitForConnections(1, TimeSpan.FromSeconds(30)) >= 1);
        if (command == "rebuild")
        {
            // The daily renew runs with the same limit.
            Assert.Contains("--timeout 2", File.ReadAllText(Path.Combine(root, "etc", "systemd", "system", "acme-example.org.service")));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Nginx_serves_the_challenge_only_for_certificates_not_validated_over_dns()
    {
        // dns01-defaults-nginx: api.example.org inherits DNS-01 (acmeRoot = null), www.example.org keeps HTTP-01.
        var host = Path.Combine(_root.FullName, "host.nix");
        File.WriteAllText(host, File.ReadAllText(Example("dns01-defaults-nginx", "host.nix"))
            .Replace("acceptTerms = true;", "acceptTerms = true;\n    defaults.server = \"https://127.0.0.1:9/dir\";", StringComparison.Ordinal));
        var root = Path.Combine(_root.FullName, "root");
        // The credential files it names exist (rebuild refuses to start without them, CL3024); the CA is unreachable.
        var secrets = Directory.CreateDirectory(Path.Combine(root, "run", "secrets")).FullName;
        foreach (var (file, text) in new[] { ("rfc2136.env", "RFC2136_NAMESERVER=127.0.0.1:9\nRFC2136_TSIG_KEY=k.\nRFC2136_TSIG_ALGORITHM=hmac-sha256.\n"), ("tsig-secret-example.org", "c2VjcmV0\n") })
        {
            SecretFile.Write(Path.Combine(secrets, file), text);
        }

        var run = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none");

        Assert.True(run.ExitCode == 3, run.Stderr);
        var servers = File.ReadAllText(Path.Combine(root, "etc", "nginx", "nginx.conf")).Split("server {").Skip(1).ToList();
        var api = servers.Where(s => s.Contains("server_name api.example.org;", StringComparison.Ordinal)).ToList();
        var www = servers.Where(s => s.Contains("server_name www.example.org;", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, api.Count);
        Assert.Equal(2, www.Count);
        Assert.All(api, s => Assert.DoesNotContain("acme-challenge", s));
        Assert.All(www, s => Assert.Contains("location ^~ /.well-known/acme-challenge/", s));
        Assert.Contains(api, s => s.Contains("proxy_pass http://127.0.0.1:8080;", StringComparison.Ordinal) && s.Contains("ssl_certificate_key /var/lib/acme/api.example.org/key.pem;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_run_while_another_holds_the_lock_is_an_execution_failure_and_writes_nothing(string command)
    {
        var lockPath = Path.Combine(_root.FullName, "run", "configlang", "lock", "rebuild.lock");
        // As another run holds it: its folder 0700 and the file 0600, both ours.
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var held = new FileStream(lockPath, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });

        var run = CliRun.Invoke(command, Example("minimal", "host.nix"), "--root", _root.FullName, "--service-manager", "none");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("rebuild.lock", run.Stderr);
        Assert.Equal(["run"], _root.EnumerateFileSystemInfos().Select(f => f.Name));
    }
}
