using System.Collections.Concurrent;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Replay nonces collected from every response, so a request only costs a <c>newNonce</c> round
/// trip when none is left. Concurrent orders share one pool; each nonce is handed out once.
/// </summary>
internal sealed class NoncePool
{
    // Nonces expire on the server; an old one only costs one badNonce retry, but keep the pool small.
    private const int Capacity = 64;
    private readonly ConcurrentQueue<string> _nonces = new();

    public void Add(string? nonce)
    {
        if (string.IsNullOrEmpty(nonce)) return;
        _nonces.Enqueue(nonce);
        while (_nonces.Count > Capacity && _nonces.TryDequeue(out _)) { }
    }

    public bool TryTake(out string nonce) => _nonces.TryDequeue(out nonce!);
}
