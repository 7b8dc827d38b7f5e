using System.Diagnostics;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.TestSupport;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// Every built-in provider, made by the registry with one timeout, gives up on an endpoint that
/// accepts and never answers (HTTP APIs, a DNS server over UDP and TCP) or a program that never
/// ends, with an error naming the endpoint and the limit.
/// </summary>
public sealed class SilentDnsEndpointTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);
    private readonly DnsProviderRegistry _registry = DnsProviderRegistry.CreateDefault(Limit);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("acme-silent-");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<DnsProviderException> PresentFailsInTimeAsync(string provider, Dictionary<string, string> settings)
    {
        var dns = _registry.Get(provider).Create(new ProviderCredentials(settings));
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DnsProviderException>(() => dns.PresentAsync(Challenge(), default));
        Assert.True(watch.Elapsed < Limit * 8, $"{provider} took {watch.Elapsed}");
        Assert.StartsWith(provider + ": ", error.Message);
        return error;
    }

    [Theory]
    [InlineData("httpreq", "HTTPREQ_ENDPOINT", "/hook", "/hook/present")]
    // A URL is named without its query, which may hold a key the redactor does not know (an httpreq endpoint's).
    [InlineData("httpreq", "HTTPREQ_ENDPOINT", "/hook?key=endpoint-key-77", "/hook/present")]
    [InlineData("cloudflare", "CLOUDFLARE_BASE_URL", "/client/v4", "/client/v4/zones")]
    [InlineData("inwx", "INWX_ENDPOINT", "/jsonrpc/", "/jsonrpc/")]
    public async Task An_http_api_that_never_answers_is_a_timeout_naming_the_url(string provider, string urlVariable, string path, string requested)
    {
        using var silent = new SilentServer();
        var settings = new Dictionary<string, string>
        {
            [urlVariable] = $"http://127.0.0.1:{silent.Port}{path}",
            ["CLOUDFLARE_DNS_API_TOKEN"] = "cf-token",
            ["INWX_USERNAME"] = "user",
            ["INWX_PASSWORD"] = "inwx-password",
        };

        var error = await PresentFailsInTimeAsync(provider, settings);

        Assert.Contains($"no answer from http://127.0.0.1:{silent.Port}{requested} within 1 s", error.Message);
        Assert.DoesNotContain("endpoint-key-77", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_dns_server_that_never_answers_over_udp_or_tcp_is_a_timeout_naming_it(bool zoneGiven)
    {
        using var silent = new SilentServer(udpToo: true);
        var settings = new Dictionary<string, string> { ["RFC2136_NAMESERVER"] = $"127.0.0.1:{silent.Port}" };
        if (zoneGiven) settings["RFC2136_ZONE"] = "example.org";

        var error = await PresentFailsInTimeAsync("rfc2136", settings);

        Assert.Contains($"no answer from DNS server 127.0.0.1:{silent.Port}", error.Message);
        Assert.Contains("within 1 s", error.Message);
    }

    [Fact]
    public async Task A_program_that_never_ends_is_killed_after_the_timeout()
    {
        var pidFile = Path.Combine(_dir.FullName, "pid");
        var script = Path.Combine(_dir.FullName, "hook.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho $$ > {pidFile}\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await PresentFailsInTimeAsync("exec", new Dictionary<string, string> { ["EXEC_PATH"] = script });

        Assert.Contains("did not finish within 1 s (killed)", error.Message);
        // On a loaded machine the shell may be killed before its first line: then no sleep was started to outlive it.
        if (!File.Exists(pidFile)) return;
        var pid = File.ReadAllText(pidFile).Trim();
        var deadline = Stopwatch.StartNew();
        while (IsRunning(pid) && deadline.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.False(IsRunning(pid), $"process {pid} still runs");
    }

    [Fact]
    public async Task A_program_whose_background_child_keeps_the_output_open_does_not_hold_the_run()
    {
        var pidFile = Path.Combine(_dir.FullName, "pid");
        var script = Path.Combine(_dir.FullName, "hook.sh");
        File.WriteAllText(script, $"#!/bin/sh\nsleep 60 &\necho $! > {pidFile}\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var error = await PresentFailsInTimeAsync("exec", new Dictionary<string, string> { ["EXEC_PATH"] = script });

            Assert.Contains("did not finish within 1 s", error.Message);
        }
        finally
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(); }
                catch (ArgumentException) { }
            }
        }
    }

    // A killed child not yet reaped is a zombie ('Z'): it no longer runs.
    private static bool IsRunning(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
