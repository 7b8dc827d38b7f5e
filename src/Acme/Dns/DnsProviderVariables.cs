namespace ConfigLang.Acme.Dns;

/// <summary>
/// What a DNS provider reads: its variables, and which must be set. <see cref="Required"/> lists
/// alternatives, each a set of variable names that must all be set (an alias or a <c>NAME_FILE</c>
/// counts); one complete alternative suffices. Cloudflare: <c>[[CLOUDFLARE_DNS_API_TOKEN],
/// [CLOUDFLARE_EMAIL, CLOUDFLARE_API_KEY]]</c>; a provider needing nothing has none.
/// </summary>
public sealed record DnsProviderVariables(IReadOnlyList<DnsProviderVariable> Variables, IReadOnlyList<IReadOnlyList<string>> Required)
{
    public DnsProviderVariable this[string name] =>
        Variables.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"no variable {name} is declared");

    /// <summary>
    /// Whether some alternative of <see cref="Required"/> is complete, given the names that are set
    /// (<paramref name="isSet"/> is asked about names and aliases, not their <c>_FILE</c> forms).
    /// </summary>
    public bool IsSatisfied(Func<string, bool> isSet) =>
        Required.Count == 0 || Required.Any(alternative => alternative.All(name => this[name].Names.Any(isSet)));

    /// <summary>The required variables in words: "A (or A2), or B and C".</summary>
    public string DescribeRequired() =>
        string.Join(", or ", Required.Select(alternative => string.Join(" and ", alternative.Select(name =>
            this[name] is { Aliases.Count: > 0 } variable ? $"{name} (or {string.Join(", ", variable.Aliases)})" : name))));
}
