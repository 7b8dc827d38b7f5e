using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Protocol;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// A running pebble + knot testbed (tests/acme-testbed, the repository's own scripts; PowerDNS
/// instead of knot with <c>TESTBED_DNS_SERVER=pdns</c>): either one that CI started (its
/// environment is in ACME_DIRECTORY_URL / CONFIGLANG_TESTBED_DIR), or one started here in a temp
/// STATE_DIR on free ports and stopped on dispose.
/// </summary>
public sealed class Testbed : IAsyncDisposable
{
    private readonly string? _ownedStateDir;
    private readonly HttpClient _management;

    private Testbed(IReadOnlyDictionary<string, string> env, string? ownedStateDir)
    {
        Env = env;
        _ownedStateDir = ownedStateDir;
        HttpsCa = AcmeHttp.LoadCa(Env["ACME_HTTPS_CA_CERT"]);
        _management = AcmeHttp.CreateClient(HttpsCa);
    }

    public IReadOnlyDictionary<string, string> Env { get; }

    public Uri DirectoryUrl => new(Env["ACME_DIRECTORY_URL"]);

    public X509Certificate2 HttpsCa { get; }

    public int Http01Port => int.Parse(Env["ACME_HTTP01_PORT"]);

    public int TlsAlpn01Port => int.Parse(Env["ACME_TLSALPN01_PORT"]);

    public IPEndPoint DnsServer => new(IPAddress.Parse(Env["ACME_DNS_HOST"]), int.Parse(Env["ACME_DNS_PORT"]));

    public string Zone => Env["ACME_DNS_ZONE"];

    public Uri ManagementUrl => new(Env["PEBBLE_MGMT_URL"]);

    public string StateDir => Env["ACME_TESTBED_STATE_DIR"];

    /// <summary>The start/stop scripts, in the checkout, so a clone anywhere runs the ACME tests.</summary>
    public static string Scripts => Path.Combine(RepositoryRoot.Path, "tests", "acme-testbed");

    /// <summary>A fresh name inside the zone, so authorizations are never shared between tests.</summary>
    public string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}.{Zone}";

    public AcmeClient CreateClient(AcmeClientOptions? options = null) => new(DirectoryUrl, HttpsCa, options);

    /// <summary>The rfc2136 provider variables (lego names) for this testbed's knot.</summary>
    public ProviderCredentials Rfc2136Credentials() => new(new Dictionary<string, string>
    {
        ["RFC2136_NAMESERVER"] = Env["ACME_DNS_SERVER"],
        ["RFC2136_TSIG_KEY"] = Env["ACME_TSIG_KEY_NAME"],
        ["RFC2136_TSIG_SECRET"] = Env["ACME_TSIG_SECRET"],
        ["RFC2136_TSIG_ALGORITHM"] = Env["ACME_TSIG_ALGORITHM"] + ".",
    });

    /// <summary>Issuing root N of the running pebble (regenerated at every pebble start).</summary>
    public async Task<X509Certificate2> RootAsync(int index = 0) =>
        X509Certificate2.CreateFromPem(await _management.GetStringAsync(new Uri(ManagementUrl, $"/roots/{index}")));

    /// <summary>pebble's JSON view of a certificate: its PEM and <c>Status</c> ("Valid" / "Revoked").</summary>
    public async Task<JsonDocument> CertificateStatusAsync(string serialHex) =>
        JsonDocument.Parse(await _management.GetStringAsync(new Uri(Env["PEBBLE_CERT_STATUS_URL"] + serialHex.ToLowerInvariant())));

    /// <summary>The testbed CI started, when its environment is present.</summary>
    public static Testbed? FromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable("ACME_DIRECTORY_URL");
        if (string.IsNullOrEmpty(directory)) return null;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var stateDir = Environment.GetEnvironmentVariable("CONFIGLANG_TESTBED_DIR");
        if (!string.IsNullOrEmpty(stateDir) && File.Exists(Path.Combine(stateDir, "env")))
        {
            foreach (var (k, v) in EnvironmentFileParser.ParseFile(Path.Combine(stateDir, "env"))) env[k] = v;
        }
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (key.StartsWith("ACME_", StringComparison.Ordinal) || key.StartsWith("PEBBLE_", StringComparison.Ordinal))
                env[key] = (string)entry.Value!;
        }
        if (!env.ContainsKey("ACME_TESTBED_STATE_DIR") && !string.IsNullOrEmpty(stateDir)) env["ACME_TESTBED_STATE_DIR"] = stateDir;
        return new Testbed(env, null);
    }

    /// <summary>Starts a private testbed in a temp STATE_DIR on free ports with extra settings (TESTBED_*, PEBBLE_*).</summary>
    public static async Task<Testbed> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var stateDir = Directory.CreateTempSubdirectory("configlang-acme-testbed-").FullName;
        var ports = FreePorts.Take(6);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Scripts, "start.sh"));
        start.ArgumentList.Add(stateDir);
        start.Environment["TESTBED_ACME_PORT"] = ports[0].ToString();
        start.Environment["TESTBED_MGMT_PORT"] = ports[1].ToString();
        start.Environment["TESTBED_HTTP01_PORT"] = ports[2].ToString();
        start.Environment["TESTBED_TLSALPN01_PORT"] = ports[3].ToString();
        start.Environment["TESTBED_DNS_PORT"] = ports[4].ToString();
        // Used only when TESTBED_DNS_SERVER=pdns (PowerDNS's HTTP API).
        start.Environment["TESTBED_PDNS_API_PORT"] = ports[5].ToString();
        start.Environment["PEBBLE_WFE_NONCEREJECT"] = "0";
        start.Environment["PEBBLE_AUTHZREUSE"] = "0";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"testbed start failed ({process.ExitCode}): {await stdout}\n{await stderr}");
        var env = EnvironmentFileParser.ParseFile(Path.Combine(stateDir, "env"));
        return new Testbed(env, stateDir);
    }

    public async ValueTask DisposeAsync()
    {
        _management.Dispose();
        if (_ownedStateDir is null) return;
        var stop = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        stop.ArgumentList.Add(Path.Combine(Scripts, "stop.sh"));
        stop.ArgumentList.Add(_ownedStateDir);
        using var process = Process.Start(stop)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        try
        {
            Directory.Delete(_ownedStateDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
