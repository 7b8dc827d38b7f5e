using System.Diagnostics;
using System.Globalization;
using System.Net;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Protocol;

// Usage: ConfigLang.Acme.Benchmarks STATE_DIR [N=20] [CONCURRENCY=1]
// Issues N single-name certificates with HTTP-01 (own listener) against the testbed whose
// environment is STATE_DIR/env, with one account, and prints per-certificate and total times in
// the format of lego-bench.sh. The timer includes account registration, as lego's first run does.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ConfigLang.Acme.Benchmarks STATE_DIR [N] [CONCURRENCY]");
    return 2;
}
var env = EnvironmentFileParser.ParseFile(Path.Combine(args[0], "env"));
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
// BENCH_TRACE=1 prints every progress event with its time since the start.
var trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";

var total = Stopwatch.StartNew();
using var client = new AcmeClient(new Uri(env["ACME_DIRECTORY_URL"]), AcmeHttp.LoadCa(env["ACME_HTTPS_CA_CERT"]));
using var account = AcmeAccount.Generate();
await client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true, Contact = ["bench@example.test"] });
await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, int.Parse(env["ACME_HTTP01_PORT"], CultureInfo.InvariantCulture)));
var orderer = new CertificateOrderer(client, account);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"account registered after {total.Elapsed.TotalSeconds:0.000}s"));

var times = new double[count];
var failures = 0;
await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
{
    var name = $"c{run}-http-{i}.{env["ACME_DNS_ZONE"]}";
    var watch = Stopwatch.StartNew();
    try
    {
        IProgress<OrderProgress>? progress = trace
            ? new TraceProgress(e => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {watch.Elapsed.TotalMilliseconds,7:0.0} ms {e}")))
            : null;
        await orderer.ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver, progress, ct);
        times[i - 1] = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i,2} {name} {times[i - 1],6:0.000}s"));
    }
    catch (AcmeException e)
    {
        Interlocked.Increment(ref failures);
        Console.Error.WriteLine($"{i} {name} FAILED: {e.Message}");
    }
});
total.Stop();

var sorted = times.Order().ToArray();
var median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"client=configlang mode=http n={count} concurrency={concurrency} median={median:0.000}s min={sorted[0]:0.000}s max={sorted[^1]:0.000}s total={total.Elapsed.TotalSeconds:0.000}s badNonceRetries={client.BadNonceRetries} failures={failures}"));
return failures == 0 ? 0 : 1;

/// <summary>Writes progress synchronously (Progress&lt;T&gt; would reorder the lines).</summary>
internal sealed class TraceProgress(Action<OrderProgress> write) : IProgress<OrderProgress>
{
    public void Report(OrderProgress value) => write(value);
}
