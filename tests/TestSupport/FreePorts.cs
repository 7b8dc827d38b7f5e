using System.Net;
using System.Net.Sockets;

namespace ConfigLang.TestSupport;

/// <summary>Loopback ports free for TCP and UDP at the moment of asking, for servers the tests start.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = new List<(TcpListener, UdpClient?)>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var tcp = new TcpListener(IPAddress.Loopback, 0);
                tcp.Start();
                var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
                UdpClient? udp = null;
                try
                {
                    udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                }
                catch (SocketException)
                {
                    tcp.Stop();
                    continue;
                }
                listeners.Add((tcp, udp));
                ports.Add(port);
            }
        }
        finally
        {
            foreach (var (tcp, udp) in listeners)
            {
                tcp.Stop();
                udp?.Dispose();
            }
        }
        return ports.ToArray();
    }
}
