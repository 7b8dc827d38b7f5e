using System.Net;
using System.Net.Sockets;

namespace ConfigLang.TestSupport;

/// <summary>
/// A server on 127.0.0.1 that accepts TCP connections (and receives UDP datagrams on the same
/// port) and never answers: a hung CA, DNS provider API or DNS server.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _tcp = new(IPAddress.Loopback, 0);
    private readonly UdpClient? _udp;
    private readonly List<Socket> _held = [];
    private int _connections;

    public SilentServer(bool udpToo = false)
    {
        _tcp.Start();
        Port = ((IPEndPoint)_tcp.LocalEndpoint).Port;
        // Bound, never read: datagrams to it stay unanswered.
        if (udpToo) _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, Port));
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>TCP connections accepted so far (each held open, unanswered).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>
    /// The connections accepted once there are <paramref name="atLeast"/> (or <paramref name="timeout"/>
    /// passed): the kernel completes a connection before the accept loop counts it, and on a loaded
    /// machine that loop may run only after the client has given up.
    /// </summary>
    public int WaitForConnections(int atLeast, TimeSpan timeout)
    {
        SpinWait.SpinUntil(() => Connections >= atLeast, timeout);
        return Connections;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _tcp.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_held) _held.Add(socket);
            Interlocked.Increment(ref _connections);
        }
    }

    public void Dispose()
    {
        _tcp.Stop();
        _udp?.Dispose();
        lock (_held)
        {
            foreach (var socket in _held) socket.Dispose();
        }
    }
}
