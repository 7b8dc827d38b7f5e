using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// The socket side of the solvers that answer validation requests themselves (HTTP-01 with
/// <c>listenHTTP</c>, TLS-ALPN-01): opens on first use and stays open until disposed, so
/// concurrent and consecutive orders share it; each connection is handed to the solver's
/// handler with a token that ends after 10 s or at disposal, so a stalled client only loses
/// its own answer. Disposal cancels, waits for the accept loop and the connections in progress
/// (a while at most), and only then disposes what they use. At most <see cref="MaxConnections"/>
/// are served at once: the port is open to anyone while an order runs, and each connection holds a
/// socket for up to 10 s, so a flood of idle ones would otherwise spend the root-run process's
/// descriptors (and every file it then opens) before the CA's validation arrives.
/// </summary>
internal sealed class ChallengeListener : IAsyncDisposable
{
    /// <summary>How long one connection is served (tests lengthen it, so that a slow machine does not end the connections they hold).</summary>
    internal TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections served at once; one beyond is closed unanswered (a CA validates from a few addresses, a few requests each).</summary>
    public const int MaxConnections = 128;

    // Connections are cancelled at disposal, so they end at once unless a handler ignores its token.
    private static readonly TimeSpan DisposalWait = TimeSpan.FromSeconds(5);
    private readonly string _challengeName;
    private readonly Func<TcpClient, CancellationToken, Task> _handle;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    // Read once: a connection that starts after a disposal that gave up waiting reads this copy,
    // never the disposed source (whose Token would throw ObjectDisposedException).
    private readonly CancellationToken _stopping;
    private readonly HashSet<Task> _connections = [];
    private TcpListener? _listener;
    private Task? _acceptLoop;

    /// <param name="challengeName">For error messages, e.g. <c>HTTP-01</c>.</param>
    /// <param name="handle">Serves one connection; the listener disposes the client afterwards.</param>
    public ChallengeListener(IPEndPoint endpoint, string challengeName, Func<TcpClient, CancellationToken, Task> handle)
    {
        Endpoint = endpoint;
        _challengeName = challengeName;
        _handle = handle;
        _stopping = _stop.Token;
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
            if (!Track(() => ServeAsync(client))) client.Dispose();
        }
    }

    /// <summary>
    /// Starts serving a connection and keeps it for <see cref="DisposeAsync"/> to wait for, until it
    /// ends; false, and nothing started, when <see cref="MaxConnections"/> are already served.
    /// </summary>
    private bool Track(Func<Task> serve)
    {
        Task connection;
        lock (_connections)
        {
            if (_connections.Count >= MaxConnections) return false;
            connection = Task.Run(serve);
            _connections.Add(connection);
        }
        _ = connection.ContinueWith(static (ended, state) =>
        {
            var connections = (HashSet<Task>)state!;
            lock (connections) connections.Remove(ended);
        }, _connections, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
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
        Task[] connections;
        lock (_connections) connections = [.. _connections];
        try
        {
            await Task.WhenAll(connections).WaitAsync(DisposalWait).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A handler's own failure is its connection's alone; one that outlasts the wait holds only _stopping.
        }
        _stop.Dispose();
        _startLock.Dispose();
    }
}
