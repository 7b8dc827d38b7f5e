namespace ConfigLang.Acme.Dns;

/// <summary>
/// A <see cref="ValueSetDnsProvider{TPlace, TSet, TValue}"/> whose set as read is nothing but the
/// list of its values (azuredns, desec, gandiv5, godaddy, namecheap). A provider whose set carries
/// more (a TTL, a zone) derives from the value-set base and must say where its values are, which
/// the compiler checks.
/// </summary>
internal abstract class ValueListDnsProvider<TPlace, TValue> : ValueSetDnsProvider<TPlace, List<TValue>, TValue>
{
    /// <param name="writing">A lock shared beyond this instance, by all of a provider's; without it, this instance has its own.</param>
    protected ValueListDnsProvider(string name, TimeSpan? propagationTimeout, SemaphoreSlim? writing = null)
        : base(name, propagationTimeout, writing)
    {
    }

    protected sealed override IReadOnlyList<TValue> ValuesOf(List<TValue> set) => set;
}
