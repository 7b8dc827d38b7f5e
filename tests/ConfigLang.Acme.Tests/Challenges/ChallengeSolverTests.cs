using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ConfigLang.Acme.Challenges;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Challenges;

/// <summary>The responders on their own, as a validation server talks to them.</summary>
public sealed class ChallengeSolverTests
{
    private static readonly ChallengeTask Task1 = new("a.example.org", "a.example.org", "token-ABC_123", "token-ABC_123.thumb");

    [Theory]
    [InlineData(":80", "0.0.0.0", 80)]
    [InlineData("127.0.0.1:5002", "127.0.0.1", 5002)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("localhost:81", "127.0.0.1", 81)]
    public void Listen_addresses_parse_like_nixos_listenHTTP(string text, string address, int port)
    {
        var endpoint = ListenAddress.Parse(text);

        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Fact]
    public void A_listen_address_without_port_is_refused()
    {
        Assert.Throws<FormatException>(() => ListenAddress.Parse("127.0.0.1"));
    }

    [Fact]
    public async Task The_http01_listener_answers_the_token_path_with_the_key_authorization_and_404_otherwise()
    {
        var port = FreePorts.TakeOne();
        await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, port));
        await solver.PresentAsync(Task1, default);
        using var http = new HttpClient();
        var baseUrl = $"http://127.0.0.1:{port}/.well-known/acme-challenge/";

        var answer = await http.GetStringAsync(baseUrl + Task1.Token);
        var unknown = await http.GetAsync(baseUrl + "other-token");
        await solver.CleanupAsync(Task1, default);
        var afterCleanup = await http.GetAsync(baseUrl + Task1.Token);

        Assert.Equal(Task1.KeyAuthorization, answer);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterCleanup.StatusCode);
    }

    [Fact]
    public async Task An_all_interfaces_listen_address_answers_on_ipv4_loopback()
    {
        var port = FreePorts.TakeOne();
        await using var solver = new ListenerHttp01Solver(":" + port);
        await solver.PresentAsync(Task1, default);
        using var http = new HttpClient();

        var answer = await http.GetStringAsync($"http://127.0.0.1:{port}/.well-known/acme-challenge/{Task1.Token}");

        Assert.Equal(Task1.KeyAuthorization, answer);
    }

    [Fact]
    public async Task A_taken_port_is_a_clear_error()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)busy.LocalEndpoint).Port));

            var error = await Assert.ThrowsAsync<ConfigLang.Acme.Protocol.AcmeException>(() => solver.PresentAsync(Task1, default));

            Assert.Contains("cannot listen", error.Message);
        }
        finally
        {
            busy.Stop();
        }
    }

    [Fact]
    public void The_tls_alpn_certificate_names_the_domain_and_carries_the_critical_acme_identifier()
    {
        using var certificate = TlsAlpnCertificate.Create(Task1);

        var extension = certificate.Extensions.Cast<X509Extension>().Single(e => e.Oid?.Value == TlsAlpnCertificate.AcmeIdentifierOid);
        Assert.True(extension.Critical);
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(Task1.KeyAuthorization));
        Assert.Equal([0x04, 0x20, .. digest], extension.RawData);
        Assert.Equal(["a.example.org"], certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
    }

    [Fact]
    public async Task The_tls_alpn_listener_negotiates_acme_tls_1_and_serves_the_certificate_chosen_by_sni()
    {
        var port = FreePorts.TakeOne();
        await using var solver = new TlsAlpn01Solver(new IPEndPoint(IPAddress.Loopback, port));
        await solver.PresentAsync(Task1, default);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        X509Certificate2? seen = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            seen = new X509Certificate2(certificate!);
            return true;
        });

        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "a.example.org",
            ApplicationProtocols = [TlsAlpn01Solver.AcmeTls1],
        });

        Assert.Equal(TlsAlpn01Solver.AcmeTls1, tls.NegotiatedApplicationProtocol);
        Assert.NotNull(seen);
        Assert.Contains(seen.Extensions.Cast<X509Extension>(), e => e.Oid?.Value == TlsAlpnCertificate.AcmeIdentifierOid);
    }

    [Fact]
    public void The_dns01_record_is_at_acme_challenge_of_the_base_name_even_for_a_wildcard()
    {
        var wildcard = new ChallengeTask("*.example.org", "example.org", "t", "t.thumb");

        Assert.Equal("_acme-challenge.example.org.", wildcard.DnsRecordName);
        Assert.Equal(ConfigLang.Acme.Crypto.Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes("t.thumb"))), wildcard.DnsTxtValue);
    }

    [Fact]
    public async Task A_token_that_could_escape_the_webroot_is_refused()
    {
        var webroot = Directory.CreateTempSubdirectory("acme-webroot-").FullName;
        try
        {
            var solver = new WebrootHttp01Solver(webroot);

            await Assert.ThrowsAsync<ConfigLang.Acme.Protocol.AcmeException>(() => solver.PresentAsync(new ChallengeTask("a", "a", "../../etc/x", "k"), default));

            Assert.False(Directory.Exists(Path.Combine(webroot, "..", "..", "etc", "x")));
        }
        finally
        {
            Directory.Delete(webroot, true);
        }
    }

    [Fact]
    public async Task The_webroot_token_file_and_its_directories_are_readable_by_other_users()
    {
        if (OperatingSystem.IsWindows()) return;
        var webroot = Directory.CreateTempSubdirectory("acme-webroot-").FullName;
        try
        {
            var solver = new WebrootHttp01Solver(webroot);

            await solver.PresentAsync(Task1, default);

            var file = solver.FileFor(Task1);
            Assert.Equal(Task1.KeyAuthorization, await File.ReadAllTextAsync(file));
            Assert.True((File.GetUnixFileMode(file) & UnixFileMode.OtherRead) != 0);
            Assert.True((File.GetUnixFileMode(Path.GetDirectoryName(file)!) & UnixFileMode.OtherExecute) != 0);
            await solver.CleanupAsync(Task1, default);
            Assert.False(File.Exists(file));
        }
        finally
        {
            Directory.Delete(webroot, true);
        }
    }

    [Fact]
    public async Task The_challenge_directory_gets_the_certificates_owner_and_group_as_nixos_gives_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var root = new ConfigLang.Acme.Tests.Storage.TempRoot();
        var ownership = new ConfigLang.Acme.Storage.FileOwnership(root.Path);
        var solver = new WebrootHttp01Solver(new ConfigLang.Acme.Storage.RootedFileSystem(root.Path), "/var/lib/acme/acme-challenge",
            new ChallengeDirectoryOwner(ownership, "acme", "nginx"));

        await solver.PresentAsync(Task1, default);

        var directory = root.File_("var", "lib", "acme", "acme-challenge", ".well-known", "acme-challenge");
        var change = Assert.Single(ownership.Changes);
        Assert.Equal((directory, "acme", "nginx", Environment.IsPrivilegedProcess), (change.Path, change.User, change.Group, change.Applied));
        if (Environment.IsPrivilegedProcess) Assert.Equal(("acme", "nginx"), ownership.Get(directory));
        Assert.Equal(ConfigLang.Acme.Storage.UnixModes.PublicDirectory, ConfigLang.Acme.Storage.UnixModes.Get(directory));
    }
}
