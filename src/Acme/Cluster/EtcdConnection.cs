using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;
using Etcdserverpb;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// One gRPC channel to all members of the cluster: calls are balanced round robin over the
/// members that accept connections, and a call that finds its member gone is retried on another,
/// so one member down goes unnoticed. Every failure that reaches the caller is a
/// <see cref="ClusterException"/> naming the endpoints.
/// </summary>
internal sealed class EtcdConnection : IDisposable
{
    /// <summary>Connecting to one member: loopback or a LAN answers in milliseconds; a dead host must not hold the rebuild.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A whole unary call (besides the lock, which waits for the holder), retries included.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The first contact, which proves that some member answers.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly GrpcChannel _channel;
    private readonly ServiceProvider _services;

    private EtcdConnection(GrpcChannel channel, ServiceProvider services, string endpoints)
    {
        _channel = channel;
        _services = services;
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
        var services = new ServiceCollection()
            .AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses))
            .BuildServiceProvider();
        var channel = GrpcChannel.ForAddress("static:///etcd", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = tls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceProvider = services,
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
        return new EtcdConnection(channel, services, endpoints);
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
        var options = new CallOptions(deadline: timeout is { } t ? DateTime.UtcNow + t : null, cancellationToken: cancellationToken);
        try
        {
            return await call(options);
        }
        catch (RpcException e)
        {
            throw Failure(e, timeout);
        }
    }

    /// <summary>The message for a failed call: unreachable members, or what etcd refused.</summary>
    public ClusterException Failure(RpcException e, TimeSpan? timeout) => e.StatusCode switch
    {
        StatusCode.Unavailable => new ClusterException($"no etcd member is reachable at {Endpoints}: {e.Status.Detail}", e),
        StatusCode.DeadlineExceeded => new ClusterException($"no etcd member at {Endpoints} answered within {NetworkTimeout.Format(timeout ?? CallTimeout)} (members down, or fewer than a majority up)", e),
        _ => new ClusterException($"the etcd cluster at {Endpoints} refused the request ({e.StatusCode}): {e.Status.Detail}", e),
    };

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
        _services.Dispose();
    }
}
