using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>lego's exec contract: arguments, RAW mode, environment, failures.</summary>
public sealed class ExecDnsProviderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("acme-exec-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Script(string body)
    {
        var path = Path.Combine(_dir.FullName, "hook.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string Log => Path.Combine(_dir.FullName, "calls.log");

    [Fact]
    public async Task Present_and_cleanup_run_the_program_with_action_fqdn_and_value()
    {
        var script = Script($"echo \"$1|$2|$3|$#|$EXTRA_SETTING\" >> {Log}");
        var provider = new ExecDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["EXEC_PATH"] = script, ["EXTRA_SETTING"] = "from-env-file" }));
        var challenge = Challenge();

        await provider.PresentAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);

        var calls = File.ReadAllLines(Log);
        Assert.Equal($"present|_acme-challenge.www.example.org.|{challenge.DnsTxtValue}|3|from-env-file", calls[0]);
        Assert.Equal($"cleanup|_acme-challenge.www.example.org.|{challenge.DnsTxtValue}|3|from-env-file", calls[1]);
    }

    [Fact]
    public async Task Raw_mode_passes_domain_token_and_key_authorization()
    {
        var script = Script($"echo \"$1|$2|$3|$4|$5\" >> {Log}");
        var provider = new ExecDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["EXEC_PATH"] = script, ["EXEC_MODE"] = "RAW" }));

        await provider.PresentAsync(Challenge(), default);

        Assert.Equal("present|--|www.example.org|tok_en-123|tok_en-123.thumbprint", File.ReadAllLines(Log)[0]);
    }

    [Fact]
    public async Task A_failing_program_is_an_error_with_its_output_and_exit_code_but_without_secrets()
    {
        var script = Script("echo \"cannot log in with $PROVIDER_API_TOKEN\" >&2; exit 3");
        var provider = new ExecDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["EXEC_PATH"] = script, ["PROVIDER_API_TOKEN"] = "very-secret-token" }));

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("exited with 3", error.Message);
        Assert.Contains("cannot log in with ***", error.Message);
        Assert.DoesNotContain("very-secret-token", error.ToString());
    }

    [Fact]
    public async Task A_program_that_cannot_be_run_is_an_error_naming_it()
    {
        // exec's "unreachable": nothing at EXEC_PATH to start.
        var missing = Path.Combine(_dir.FullName, "no-such-hook.sh");
        var provider = new ExecDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["EXEC_PATH"] = missing }));

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.StartsWith($"exec: cannot run EXEC_PATH '{missing}': ", error.Message);
    }

    [Fact]
    public void Without_EXEC_PATH_the_provider_cannot_be_created()
    {
        var error = Assert.Throws<DnsProviderException>(() => new ExecDnsProvider(ProviderCredentials.Empty));

        Assert.Contains("EXEC_PATH", error.Message);
    }

    [Fact]
    public async Task A_long_output_keeps_its_end_only_after_the_secret_in_it_is_masked()
    {
        // The token spans where the output's last 2000 characters start: cut first, its end would be printed.
        var script = Script("printf '%s' \"$PROVIDER_API_TOKEN\"; head -c 1990 /dev/zero | tr '\\0' y; exit 3");
        var provider = new ExecDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["EXEC_PATH"] = script, ["PROVIDER_API_TOKEN"] = "very-secret-token-straddling",
        }));

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("exited with 3: ***yyyy", error.Message);
        Assert.DoesNotContain("straddling", error.ToString());
    }
}
