using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>
/// The HTTP layer's connect and response limit: a CA that accepts and never answers, or answers
/// the headers and stalls the body, is an error naming the URL and the limit, in about the limit.
/// </summary>
public sealed class NetworkTimeoutTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_is_a_timeout_naming_the_url_and_the_limit()
    {
        using var silent = new SilentServer();
        var url = new Uri($"http://127.0.0.1:{silent.Port}/dir");
        using var client = new AcmeClient(url, options: new AcmeClientOptions { RequestTimeout = Limit });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NetworkTimeoutException>(() => client.GetDirectoryAsync());

        Assert.Equal($"no answer from {url} within 1 s", error.Message);
        Assert.InRange(watch.Elapsed, Limit * 0.9, Limit * 10);
        Assert.Equal(1, silent.WaitForConnections(1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_tls_handshake_that_never_completes_is_the_same_timeout()
    {
        using var silent = new SilentServer();
        var url = new Uri($"https://127.0.0.1:{silent.Port}/dir");
        using var client = new AcmeClient(url, options: new AcmeClientOptions { RequestTimeout = Limit });

        var error = await Assert.ThrowsAsync<NetworkTimeoutException>(() => client.GetDirectoryAsync());

        Assert.Equal($"no answer from {url} within 1 s", error.Message);
    }

    [Fact]
    public async Task The_handlers_connect_timeout_firing_before_the_deadline_is_the_same_timeout()
    {
        // What SocketsHttpHandler throws when its ConnectTimeout (equal to the deadline) wins the race:
        // a cancellation wrapping a TimeoutException, with the deadline itself not yet cancelled.
        var error = await Assert.ThrowsAsync<NetworkTimeoutException>(() => NetworkDeadline.RunAsync<int>(
            "https://127.0.0.1:1/dir", TimeSpan.FromSeconds(30),
            _ => throw new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout.")),
            CancellationToken.None));

        Assert.Equal("no answer from https://127.0.0.1:1/dir within 30 s", error.Message);
    }

    [Fact]
    public async Task Headers_followed_by_a_stalled_body_are_a_timeout_too()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.ReceiveAsync(new byte[4096]);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"newNonce\":"));
            await Task.Delay(TimeSpan.FromSeconds(15));
        });
        using var http = AcmeHttp.CreateClient(timeout: Limit);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NetworkTimeoutException>(() => http.GetAsync($"http://127.0.0.1:{port}/dir"));

        Assert.Contains($"no answer from http://127.0.0.1:{port}/dir within 1 s", error.Message);
        Assert.True(watch.Elapsed < Limit * 10, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_url_in_the_error_keeps_no_password()
    {
        using var silent = new SilentServer();
        var url = new Uri($"http://acme:hunter2@127.0.0.1:{silent.Port}/dir");
        using var client = new AcmeClient(url, options: new AcmeClientOptions { RequestTimeout = Limit });

        var error = await Assert.ThrowsAsync<NetworkTimeoutException>(() => client.GetDirectoryAsync());

        Assert.Equal($"no answer from http://acme:***@127.0.0.1:{silent.Port}/dir within 1 s", error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Fact]
    public async Task A_refused_connection_is_an_acme_error_naming_the_url_without_its_password()
    {
        // A port bound and never listened on (not a fixed one, where a discard service may run): refused at once.
        using var refusing = new RefusingPort();
        var port = refusing.Port;
        using var client = new AcmeClient(new Uri($"http://acme:hunter2@127.0.0.1:{port}/dir"), options: new AcmeClientOptions { RequestTimeout = Limit });

        var error = await Assert.ThrowsAsync<AcmeConnectionException>(() => client.GetDirectoryAsync());

        Assert.Equal($"cannot reach the ACME server at http://acme:***@127.0.0.1:{port}/dir: nothing accepts connections on 127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        using var silent = new SilentServer();
        using var client = new AcmeClient(new Uri($"http://127.0.0.1:{silent.Port}/dir"), options: new AcmeClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetDirectoryAsync(cancel.Token));
    }

    [Fact]
    public async Task An_eab_key_that_is_not_base64url_is_an_error_that_does_not_quote_it()
    {
        using var server = new FakeAcmeServer(_ => (201, "{}", null));
        using var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), disposeHttpClient: true);
        using var account = AcmeAccount.Generate();
        var registration = new AccountRegistration { TermsOfServiceAgreed = true, ExternalAccountBinding = new ExternalAccountBinding("kid-1", "not*base64*s3cr3t") };

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.RegisterAccountAsync(account, registration));

        Assert.Contains("kid-1", error.Message);
        Assert.DoesNotContain("s3cr3t", error.ToString());
    }
}
