using Etcdserverpb;
using Grpc.Core;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// Keeps one lease alive in the background: a keep-alive every third of its TTL, sooner again
/// after a failure (a member going down), so the lease survives two missed rounds. Notes when
/// etcd reports the lease gone, so the lock's holder learns it lost the lock.
/// </summary>
internal sealed class EtcdLeaseKeepAlive
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly EtcdConnection _connection;
    private readonly long _leaseId;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile bool _lost;

    private EtcdLeaseKeepAlive(EtcdConnection connection, long leaseId, TimeSpan ttl)
    {
        _connection = connection;
        _leaseId = leaseId;
        _interval = ttl / 3;
    }

    /// <summary>etcd answered that the lease no longer exists (it expired).</summary>
    public bool Lost => _lost;

    public static EtcdLeaseKeepAlive Start(EtcdConnection connection, long leaseId, TimeSpan ttl)
    {
        var keepAlive = new EtcdLeaseKeepAlive(connection, leaseId, ttl);
        keepAlive._loop = Task.Run(keepAlive.RunAsync);
        return keepAlive;
    }

    /// <summary>Stops sending keep-alives (the lease itself is revoked, or left to expire, by the caller).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var delay = _interval;
        while (true)
        {
            try
            {
                await Task.Delay(delay, _stop.Token);
                if (await KeepAliveOnceAsync() <= 0)
                {
                    _lost = true;
                    return;
                }
                delay = _interval;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException or IOException)
            {
                // A member went away mid-call: the channel picks another one next time, well
                // before the lease runs out.
                delay = RetryDelay < _interval ? RetryDelay : _interval;
            }
        }
    }

    /// <summary>One keep-alive on a fresh stream (so each may reach another member); the remaining TTL, 0 if the lease is gone.</summary>
    private async Task<long> KeepAliveOnceAsync()
    {
        using var call = _connection.Leases.LeaseKeepAlive(new CallOptions(deadline: DateTime.UtcNow + _interval, cancellationToken: _stop.Token));
        await call.RequestStream.WriteAsync(new LeaseKeepAliveRequest { ID = _leaseId });
        await call.RequestStream.CompleteAsync();
        if (!await call.ResponseStream.MoveNext(_stop.Token)) throw new IOException("the keep-alive stream ended without an answer");
        return call.ResponseStream.Current.TTL;
    }
}
