using System.Net;
using System.Net.Sockets;

namespace ConfigLang.TestSupport;

/// <summary>
/// Loopback ports free for TCP and UDP, for servers the tests start later (pebble, etcd, nginx, a
/// challenge listener) on a port they must be told. A port the kernel handed out (bind to port 0)
/// and released is soon handed to the next socket that asks, an outgoing connection's or a
/// parallel test's listener: the server then fails with "address already in use". So the ports
/// come from outside the kernel's ephemeral range, which it never hands out by itself, and each
/// is reserved for the rest of the test process by a lock file that the other test processes
/// (the test projects run side by side) check too.
/// </summary>
public static class FreePorts
{
    private const int LowestCandidate = 10000;

    /// <summary>EWOULDBLOCK (Linux), which .NET's refused flock carries as the IOException's HResult.</summary>
    private const int LockHeldErrno = 11;

    /// <summary>Where the lock files are: one folder per user, since a folder another user made (a CI run as
    /// root) would refuse them.</summary>
    public static string ReservationFolder { get; } = Path.Combine(Path.GetTempPath(), "configlang-test-ports-" + Environment.UserName);

    private static readonly object Gate = new();
    private static readonly List<FileStream> Reservations = [];
    private static readonly HashSet<int> Handed = [];

    /// <summary>One port, for a test that starts one server.</summary>
    public static int TakeOne() => Take(1)[0];

    public static int[] Take(int count)
    {
        var candidates = Candidates();
        return candidates.Count < count * 100 ? TakeFromKernel(count) : Take(count, candidates, ReservationFolder);
    }

    /// <summary><paramref name="count"/> of <paramref name="candidates"/>, each reserved in <paramref name="reservationFolder"/>.</summary>
    internal static int[] Take(int count, IReadOnlyList<int> candidates, string reservationFolder)
    {
        lock (Gate)
        {
            var ports = new List<int>();
            for (var tries = 0; ports.Count < count; tries++)
            {
                if (tries > 10_000) throw new InvalidOperationException($"no {count} free ports outside the ephemeral range");
                var port = candidates[Random.Shared.Next(candidates.Count)];
                if (Handed.Contains(port) || !Reserve(port, reservationFolder) || !Bindable(port)) continue;
                Handed.Add(port);
                ports.Add(port);
            }
            return [.. ports];
        }
    }

    /// <summary>Ports below and above /proc/sys/net/ipv4/ip_local_port_range.</summary>
    private static List<int> Candidates()
    {
        var (low, high) = (32768, 60999);
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            (low, high) = (int.Parse(range[0]), int.Parse(range[1]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }
        var candidates = new List<int>();
        for (var port = LowestCandidate; port < low; port++) candidates.Add(port);
        for (var port = Math.Max(high + 1, LowestCandidate); port <= 65535; port++) candidates.Add(port);
        return candidates;
    }

    /// <summary>
    /// An exclusive lock on the port's file in the shared temp folder, held until this process
    /// ends; false when another process holds it. Any other refusal (the folder cannot be made, the
    /// file cannot be opened) is an error: a port handed out unreserved could be handed to another
    /// test process too, and its server would fail later with "address already in use".
    /// </summary>
    private static bool Reserve(int port, string folder)
    {
        var file = Path.Combine(folder, port + ".lock");
        try
        {
            Directory.CreateDirectory(folder);
            // FileShare.None is an flock on Unix: another process (or another open here) is refused.
            Reservations.Add(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            return true;
        }
        catch (IOException e) when (e.HResult == LockHeldErrno)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot reserve test port {port} in {folder}: {e.Message}", e);
        }
    }

    internal static bool Bindable(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Any, port));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Where the ephemeral range leaves no room: ports the kernel picks, free at the moment of asking.</summary>
    private static int[] TakeFromKernel(int count)
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
