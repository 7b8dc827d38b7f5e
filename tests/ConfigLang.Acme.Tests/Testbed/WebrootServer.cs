using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// Stands in for nginx in the webroot tests: serves files below a directory over HTTP/1.1 on the
/// HTTP-01 port, and only files that are readable by "others" (as a web server running as
/// another user would).
/// </summary>
public sealed class WebrootServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _served;

    public WebrootServer(string root, int port)
    {
        Root = root;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _loop = LoopAsync();
    }

    public string Root { get; }

    /// <summary>Number of 200 answers given.</summary>
    public int Served => _served;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var length = 0;
                while (length < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(length));
                    if (read == 0) break;
                    length += read;
                    if (Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n")) break;
                }
                var path = Encoding.ASCII.GetString(buffer, 0, length).Split(' ')[1];
                var file = Path.GetFullPath(Path.Combine(Root, path.TrimStart('/')));
                string status;
                byte[] body;
                if (file.StartsWith(Root, StringComparison.Ordinal) && File.Exists(file)
                    && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & UnixFileMode.OtherRead) != 0))
                {
                    (status, body) = ("200 OK", await File.ReadAllBytesAsync(file));
                    Interlocked.Increment(ref _served);
                }
                else
                {
                    (status, body) = ("404 Not Found", "missing"u8.ToArray());
                }
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head);
                await stream.WriteAsync(body);
            }
            catch (Exception e) when (e is IOException or SocketException or IndexOutOfRangeException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
