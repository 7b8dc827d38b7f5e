using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// The socket side of the solvers that answer validation requests themselves (HTTP-01 with
/// <c>listenHTTP</c>, TLS-ALPN-01): opens on first use and stays open until disposed, so
/// concurrent and consecutive orders share it; each connection is handed to the solver's
/// handler with a token that ends after 10 s or at disposal, so a stalled client only loses
/// its own answer.
/// </summary>
internal sealed class ChallengeListener : IAsyncDisposable
{
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(10);
    private readonly string _challengeName;
    private readonly Func<TcpClient, CancellationToken, Task> _handle;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;

    /// <param name="challengeName">For error messages, e.g. <c>HTTP-01</c>.</param>
    /// <param name="handle">Serves one connection; the listener disposes the client afterwards.</param>
    public ChallengeListener(IPEndPoint endpoint, string challengeName, Func<TcpClient, CancellationToken, Task> handle)
    {
        Endpoint = endpoint;
        _challengeName = challengeName;
        _handle = handle;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Opens the socket once; later calls return at once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null) return;
        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_listener is not null) return;
            TcpListener listener;
            try
            {
                listener = ListenAddress.Start(Endpoint);
            }
            catch (SocketException e)
            {
                throw new AcmeException($"{_challengeName}: cannot listen on {Endpoint}: {e.Message}", e);
            }
            _listener = listener;
            _acceptLoop = AcceptLoopAsync(listener);
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(ConnectionTimeout);
            await _handle(client, timeout.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            try { await _acceptLoop.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
        _startLock.Dispose();
    }
}
