namespace ConfigLang.Acme.Dns;

/// <summary>
/// A <see cref="ValueSetDnsProvider{TPlace, TSet, TValue}"/> whose set as read is nothing but the
/// list of its values (azuredns, desec, gandiv5, godaddy, namecheap). A provider whose set carries
/// more (a TTL, a zone) derives from the value-set base and must say where its values are, which
/// the compiler checks.
/// </summary>
internal abstract class ValueListDnsProvider<TPlace, TValue> : ValueSetDnsProvider<TPlace, List<TValue>, TValue>
{
    protected ValueListDnsProvider(string name, TimeSpan? propagationTimeout)
        : base(name, propagationTimeout)
    {
    }

    protected sealed override IReadOnlyList<TValue> ValuesOf(List<TValue> set) => set;
}
