using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;
using Etcdserverpb;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// One gRPC channel to all members of the cluster: calls are balanced round robin over the
/// members that accept connections, and a call that finds its member gone is retried on another
/// (for up to <see cref="FailoverWindow"/>), so one member down goes unnoticed. Every failure
/// that reaches the caller is a <see cref="ClusterException"/> naming the endpoints.
/// </summary>
internal sealed class EtcdConnection : IDisposable
{
    /// <summary>Connecting to one member: loopback or a LAN answers in milliseconds; a dead host must not hold the rebuild.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A whole unary call (besides the lock, which waits for the holder), retries included.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The first contact, which proves that some member answers.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a call keeps being tried while every member it reaches is unavailable: longer than
    /// a leader election or a member's restart, short enough that a cluster that is really down
    /// fails the run within seconds.
    /// </summary>
    public static readonly TimeSpan FailoverWindow = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private readonly GrpcChannel _channel;

    private EtcdConnection(GrpcChannel channel, string endpoints)
    {
        _channel = channel;
        Endpoints = endpoints;
        Kv = new KV.KVClient(channel);
        Leases = new Lease.LeaseClient(channel);
        Locks = new V3Lockpb.Lock.LockClient(channel);
    }

    /// <summary>The endpoints as messages name them.</summary>
    public string Endpoints { get; }

    public KV.KVClient Kv { get; }

    public Lease.LeaseClient Leases { get; }

    public V3Lockpb.Lock.LockClient Locks { get; }

    /// <summary>Builds the channel (no connection yet); TLS files are read below <paramref name="root"/>.</summary>
    public static EtcdConnection Open(ClusterSettings settings, RootedFileSystem root)
    {
        var endpoints = string.Join(", ", settings.Endpoints.Select(e => e.GetLeftPart(UriPartial.Authority)));
        if (settings.Endpoints.Count == 0) throw new ClusterException("the cluster has no endpoints: name at least one etcd member's client URL");
        var schemes = settings.Endpoints.Select(e => e.Scheme).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (schemes.Length != 1 || schemes[0] is not ("http" or "https"))
            throw new ClusterException($"the etcd endpoints {endpoints} must all be http:// or all https://");
        var tls = schemes[0] == "https";

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            // A member that vanishes without closing the connection is noticed within seconds.
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(3),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        };
        if (tls) ConfigureTls(handler, settings, root);
        else if (settings.CertFile is not null || settings.CaFile is not null)
            throw new ClusterException($"caFile, certFile and keyFile are for https:// endpoints; the endpoints {endpoints} are http://");

        var addresses = settings.Endpoints.Select(e => new BalancerAddress(e.Host, e.Port)).ToArray();
        var channel = GrpcChannel.ForAddress("static:///etcd", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = tls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceProvider = new StaticMembers(addresses),
            ThrowOperationCanceledOnCancellation = true,
            ServiceConfig = new ServiceConfig
            {
                LoadBalancingConfigs = { new RoundRobinConfig() },
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
        return new EtcdConnection(channel, endpoints);
    }

    /// <summary>Proves that some member answers (a count of the keys below <paramref name="prefix"/>).</summary>
    public async Task ProbeAsync(string prefix, CancellationToken cancellationToken)
    {
        var key = Google.Protobuf.ByteString.CopyFromUtf8(prefix);
        await CallAsync(o => Kv.RangeAsync(new RangeRequest { Key = key, RangeEnd = RangeEnd(key), CountOnly = true }, o), cancellationToken, ProbeTimeout);
    }

    /// <summary>
    /// Runs a unary call within <paramref name="timeout"/> (null: only the cancellation bounds it)
    /// and turns gRPC failures into a <see cref="ClusterException"/> naming the endpoints.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        var options = new CallOptions(deadline: deadline, cancellationToken: cancellationToken);
        var failingSince = Stopwatch.GetTimestamp();
        var backoff = FirstBackoff;
        RpcException? unreachable = null;
        while (true)
        {
            try
            {
                return await call(options);
            }
            catch (RpcException e) when (MemberGone(e) && !cancellationToken.IsCancellationRequested
                                         && Stopwatch.GetElapsedTime(failingSince) + backoff < FailoverWindow
                                         && (deadline is not { } d || DateTime.UtcNow + backoff < d))
            {
                // The channel's own retries can all land on a member that just went down before
                // the balancer notices, and a leader election answers "unavailable" for a while:
                // both pass within seconds, so the call is tried again until the window closes.
                unreachable = e;
                await Task.Delay(backoff, cancellationToken);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
            catch (RpcException e)
            {
                // Retrying until the deadline says less than why the members could not be reached.
                throw e.StatusCode == StatusCode.DeadlineExceeded && unreachable is not null ? Failure(unreachable, timeout) : Failure(e, timeout);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The channel reports a deadline reached during its own retries this way.
                throw unreachable is not null ? Failure(unreachable, timeout) : TimedOut(timeout, e);
            }
        }
    }

    /// <summary>
    /// The call did not reach a working member: none accepted it (unavailable), or the member
    /// closed its connection as it shut down. Trying again is safe for every call made here: a
    /// store is guarded by the lock key's lease, the account key is created only if absent, a
    /// lock asked again with the same lease is the same lock, and a lease granted twice expires.
    /// </summary>
    private static bool MemberGone(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable
        || (e.StatusCode == StatusCode.Internal && e.Status.Detail.StartsWith("Error starting gRPC call", StringComparison.Ordinal)
            && e.Status.DebugException is HttpRequestException { HttpRequestError: HttpRequestError.HttpProtocolError or HttpRequestError.ConnectionError });

    /// <summary>The message for a failed call: unreachable members, or what etcd refused.</summary>
    public ClusterException Failure(RpcException e, TimeSpan? timeout) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.Internal when MemberGone(e) => new ClusterException($"no etcd member is reachable at {Endpoints}: {e.Status.Detail}", e),
        StatusCode.DeadlineExceeded => TimedOut(timeout, e),
        _ => new ClusterException($"the etcd cluster at {Endpoints} refused the request ({e.StatusCode}): {e.Status.Detail}", e),
    };

    private ClusterException TimedOut(TimeSpan? timeout, Exception inner) =>
        new($"no etcd member at {Endpoints} answered within {NetworkTimeout.Format(timeout ?? CallTimeout)} (members down, or fewer than a majority up)", inner);

    /// <summary>The range end that selects every key starting with <paramref name="prefix"/>.</summary>
    public static Google.Protobuf.ByteString RangeEnd(Google.Protobuf.ByteString prefix)
    {
        var end = prefix.ToByteArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] < 0xff)
            {
                end[i]++;
                return Google.Protobuf.ByteString.CopyFrom(end, 0, i + 1);
            }
        }
        return Google.Protobuf.ByteString.CopyFrom(0);
    }

    private static void ConfigureTls(SocketsHttpHandler handler, ClusterSettings settings, RootedFileSystem root)
    {
        if (settings.CaFile is { } caFile)
        {
            var pem = ReadTlsFile(root, caFile, "caFile");
            try
            {
                AcmeHttp.TrustExtraCa(handler.SslOptions, X509Certificate2.CreateFromPem(pem));
            }
            catch (CryptographicException e)
            {
                throw new ClusterException($"the cluster's caFile {root.FullPath(caFile)} does not hold a PEM certificate: {e.Message}", e);
            }
        }
        if (settings.CertFile is { } certFile)
        {
            if (settings.KeyFile is not { } keyFile) throw new ClusterException("the cluster's certFile is set without keyFile: mutual TLS needs both");
            var certificatePem = ReadTlsFile(root, certFile, "certFile");
            var keyPem = ReadTlsFile(root, keyFile, "keyFile");
            try
            {
                handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPem(certificatePem, keyPem)];
            }
            catch (CryptographicException e)
            {
                throw new ClusterException($"the cluster's certFile {root.FullPath(certFile)} and keyFile {root.FullPath(keyFile)} are not a PEM certificate and its private key: {e.Message}", e);
            }
        }
        else if (settings.KeyFile is not null)
        {
            throw new ClusterException("the cluster's keyFile is set without certFile: mutual TLS needs both");
        }
    }

    private static string ReadTlsFile(RootedFileSystem root, string hostPath, string option)
    {
        try
        {
            return root.ReadConfiguredFile(hostPath);
        }
        catch (Exception e) when (e is IOException or UnsafePathException or UnauthorizedAccessException)
        {
            throw new ClusterException($"the cluster's {option} {root.FullPath(hostPath)} cannot be read: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
    }
}
