using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.Acme.Tests.Testbed;
using CertificateRequest = ConfigLang.Acme.Model.CertificateRequest;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// The errors a user causes, provoked for real against the testbed, read as sentences naming the
/// server, the certificate's option or the resolver's origin, with the fix: not .NET's
/// "The SSL connection could not be established, see inner exception.", "open …: No such file
/// or directory" or "cannot find the zone … via 10.255.255.53:53".
/// </summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class ErrorTextTests(SharedTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    private CertificateRequest Dns(string name, ChallengeSettings challenge) => new()
    {
        Name = name, Domains = [Identifier.Dns(name)], Challenge = challenge, Server = Bed.DirectoryUrl.AbsoluteUri,
        Email = "admin@example.test", Group = "acme", SourceTag = new SourceSite("tag:" + name, 1, 1),
    };

    private static ChallengeSettings Rfc2136(bool propagationCheck = false) => new()
    {
        Kind = ChallengeKind.Dns01, DnsProvider = "rfc2136", EnvironmentFile = "/run/secrets/rfc2136.env", DnsPropagationCheck = propagationCheck,
    };

    private void WriteSecrets(TempRoot root)
    {
        Directory.CreateDirectory(root.File_("run", "secrets"));
        File.WriteAllText(root.File_("run", "secrets", "rfc2136.env"),
            $"RFC2136_NAMESERVER={Bed.Env["ACME_DNS_SERVER"]}\nRFC2136_TSIG_KEY={Bed.Env["ACME_TSIG_KEY_NAME"]}\n" +
            $"RFC2136_TSIG_SECRET={Bed.Env["ACME_TSIG_SECRET"]}\nRFC2136_TSIG_ALGORITHM={Bed.Env["ACME_TSIG_ALGORITHM"]}.\n");
    }

    private static async Task<ExecutionError> FailAsync(string root, CertificateRequest request, System.Security.Cryptography.X509Certificates.X509Certificate2? trusted)
    {
        var summary = await new PlanExecutor(root, TimeProvider.System, PlanExecutor.ClientsTrusting(trusted), new NoServiceManager())
            .RunAsync([request], ExecutorRequests.Options());
        Assert.Equal(3, summary.ExitCode);
        return Assert.Single(summary.Certificates).Error!;
    }

    [Fact]
    public async Task A_ca_whose_https_certificate_is_not_trusted_is_named_with_the_reason_and_marked_for_the_ca_file_advice()
    {
        using var root = new TempRoot(withUsers: false);
        WriteSecrets(root);

        var error = await FailAsync(root.Path, Dns(Bed.UniqueName("tls"), Rfc2136()), trusted: null);

        Assert.Equal($"cannot reach the ACME server at {Bed.DirectoryUrl}: the TLS connection failed: its certificate is not signed by a CA this host trusts", error.Message);
        Assert.True(error.CaCertificateUntrusted);
    }

    [Fact]
    public async Task A_missing_environment_file_names_the_certificates_option_and_where_it_was_looked_for()
    {
        using var root = new TempRoot(withUsers: false);
        var name = Bed.UniqueName("nofile");

        var error = await FailAsync(root.Path, Dns(name, Rfc2136()), Bed.HttpsCa);

        Assert.Equal(
            $"security.acme.certs.\"{name}\".environmentFile is /run/secrets/rfc2136.env, which does not exist (looked for {root.File_("run", "secrets", "rfc2136.env")}); " +
            "create it with the DNS provider's variables or correct the path", error.Message);
        Assert.False(error.CaCertificateUntrusted);
    }

    [Fact]
    public async Task A_missing_credential_file_names_its_credentialFiles_entry()
    {
        using var root = new TempRoot(withUsers: false);
        WriteSecrets(root);
        var name = Bed.UniqueName("nosecret");
        var challenge = Rfc2136() with { CredentialFiles = new Dictionary<string, string> { ["RFC2136_TSIG_SECRET_FILE"] = "/run/secrets/tsig" } };

        var error = await FailAsync(root.Path, Dns(name, challenge), Bed.HttpsCa);

        Assert.StartsWith($"security.acme.certs.\"{name}\".credentialFiles.RFC2136_TSIG_SECRET_FILE is /run/secrets/tsig, which does not exist", error.Message);
    }

    [Fact]
    public async Task A_zone_the_system_resolver_cannot_find_says_the_resolver_came_from_resolv_conf_and_that_dnsResolver_sets_it()
    {
        // example.test is reserved (RFC 2606): no resolver of the system knows its zone, only the testbed's knot.
        using var root = new TempRoot(withUsers: false);
        WriteSecrets(root);
        var name = Bed.UniqueName("resolver");

        var error = await FailAsync(root.Path, Dns(name, Rfc2136(propagationCheck: true)), Bed.HttpsCa);

        Assert.Contains($"cannot find the zone of _acme-challenge.{name}.: no answer for it from the resolver {DnsLookup.SystemResolver()} " +
            $"(that resolver is the system's, from /etc/resolv.conf); set security.acme.certs.\"{name}\".dnsResolver (host[:port]) to a resolver that answers for the zone, or dnsPropagationCheck = false",
            error.Message);
    }

    [Fact]
    public async Task An_unreachable_configured_resolver_is_named_as_the_certificates_dnsResolver()
    {
        // A UDP port on loopback nobody listens on: every query fails at once.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var dead = (IPEndPoint)socket.LocalEndPoint!;
        socket.Close();
        var check = DnsPropagationCheck.AtResolvers([dead]).Explained("security.acme.certs.\"x\".dnsResolver", "set it to a resolver that answers for the zone")
            .WithTimeout(TimeSpan.FromSeconds(1));
        var challenge = new ChallengeTask("www.example.test", "www.example.test", "t", "t.k");

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => check.WaitAsync(challenge, CancellationToken.None));

        Assert.Contains($"not visible at {dead} after 1 s (that resolver is security.acme.certs.\"x\".dnsResolver); set it to a resolver that answers for the zone", error.Message);
    }

    [Fact]
    public async Task A_record_the_zones_own_servers_never_show_is_not_blamed_on_the_resolver_that_found_them()
    {
        // The testbed's knot finds the zone and its name servers; nothing publishes the TXT record.
        var check = DnsPropagationCheck.AtAuthoritativeServers(Bed.DnsServer, Bed.DnsServer.Port)
            .Explained("the system's, from /etc/resolv.conf", "set dnsResolver").WithTimeout(TimeSpan.FromSeconds(1));
        var name = Bed.UniqueName("unseen");
        var challenge = new ChallengeTask(name, name, "t", "t.k");

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => check.WaitAsync(challenge, CancellationToken.None));

        Assert.Contains($"TXT _acme-challenge.{name}. for '{name}' not visible at ", error.Message);
        Assert.DoesNotContain("that resolver is", error.Message);
    }
}
