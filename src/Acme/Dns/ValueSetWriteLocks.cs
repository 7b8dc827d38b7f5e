using System.Collections.Concurrent;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// One lock per value-set provider name for the whole process: every certificate of a run has its own
/// provider instance and certificates are ordered in parallel, so a lock per instance would let two of
/// them read the same set and each write the other's value away (namecheap's setHosts replaces a
/// zone's every host).
/// </summary>
internal static class ValueSetWriteLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string providerName) => Locks.GetOrAdd(providerName, static _ => new SemaphoreSlim(1, 1));
}
