using System.Net;
using System.Net.Sockets;

namespace ConfigLang.TestSupport;

/// <summary>
/// A loopback port where every connection is refused for as long as this lives: the port is bound
/// and never listened on, so no other socket can take it meanwhile, as one from
/// <see cref="FreePorts"/> could be taken by a parallel test's server between asking and connecting.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _bound = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_bound.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _bound.Dispose();
}
