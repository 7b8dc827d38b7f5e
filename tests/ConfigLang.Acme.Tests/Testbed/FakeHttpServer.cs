using System.Net;
using System.Text;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// A local HttpListener that plays a DNS provider's API in tests: every request is recorded and
/// answered by the handler, which enforces the documented request shapes (a wrong shape gets 400).
/// </summary>
public sealed class FakeHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, (int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> _handler;
    private readonly Task _loop;

    public FakeHttpServer(Func<RecordedRequest, (int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            // HttpListener cannot listen on port 0: a reserved port (FreePorts), and a fresh
            // listener per attempt, since a failed Start closes the listener (nothing left to close).
            var port = FreePorts.TakeOne();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUrl = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Port taken meanwhile: try another.
            }
        }
        _loop = LoopAsync();
    }

    public Uri BaseUrl { get; private set; } = null!;

    public List<RecordedRequest> Requests { get; } = [];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, await reader.ReadToEndAsync());
            lock (Requests) Requests.Add(recorded);
            (int Status, string Body, IReadOnlyDictionary<string, string>? Headers) answer;
            try
            {
                answer = _handler(recorded);
            }
            catch (Exception e)
            {
                answer = (400, "shape violation: " + e.Message, null);
            }
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            foreach (var (k, v) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers.Add(k, v);
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        // Close alone: the managed HttpListener's Close after Stop looks its endpoint up again,
        // and binding it anew fails when a parallel test got the port meanwhile.
        _listener.Close();
    }
}

/// <summary>One request as the fake server saw it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
