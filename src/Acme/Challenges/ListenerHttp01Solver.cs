using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// HTTP-01 with its own minimal HTTP/1.1 server (NixOS <c>listenHTTP</c>, lego <c>--http.port</c>):
/// answers <c>GET /.well-known/acme-challenge/TOKEN</c> with the key authorization and 404
/// otherwise. The socket opens with the first challenge and stays open until disposed, so
/// concurrent and consecutive orders share it.
/// </summary>
public sealed class ListenerHttp01Solver : IChallengeSolver, IAsyncDisposable
{
    private const string PathPrefix = "/.well-known/acme-challenge/";
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ChallengeListener _listener;

    public ListenerHttp01Solver(IPEndPoint endpoint)
    {
        _listener = new ChallengeListener(endpoint, "HTTP-01", ServeAsync);
    }

    /// <summary>From a listen address such as <c>:80</c> or <c>127.0.0.1:5002</c>.</summary>
    public ListenerHttp01Solver(string listenAddress) : this(ListenAddress.Parse(listenAddress))
    {
    }

    public IPEndPoint Endpoint => _listener.Endpoint;

    public string ChallengeType => ChallengeTypes.Http01;

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        _answers[challenge.Token] = challenge.KeyAuthorization;
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        _answers.TryRemove(challenge.Token, out _);
        return Task.CompletedTask;
    }

    /// <summary>Opens the socket (done by the first <see cref="PresentAsync"/> anyway).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _listener.StartAsync(cancellationToken);

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            var requestLine = head[..Math.Max(0, head.IndexOf('\r'))].Split(' ');
            string status, body;
            if (requestLine.Length >= 2 && requestLine[0] is "GET" or "HEAD"
                && requestLine[1].StartsWith(PathPrefix, StringComparison.Ordinal)
                && _answers.TryGetValue(requestLine[1][PathPrefix.Length..], out var answer))
            {
                (status, body) = ("200 OK", answer);
            }
            else
            {
                (status, body) = ("404 Not Found", "not found\n");
            }
            var isHead = requestLine.Length > 0 && requestLine[0] == "HEAD";
            var response = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n\r\n"
                + (isHead ? "" : body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // A client that hangs up or stalls only loses its own answer.
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
