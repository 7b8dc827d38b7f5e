using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Protocol.Resources;

namespace ConfigLang.Acme.Client;

/// <summary>
/// The names one order asked for, against which the server's order and authorizations are held:
/// RFC 8555 §7.1.3 gives an order one authorization per identifier, so a server that lists more,
/// or an authorization for a name never ordered, would have the client present challenges (DNS
/// records at the provider, files in a web root) without bound and for names it does not serve.
/// </summary>
internal sealed class OrderedNames(IReadOnlyList<string> names)
{
    /// <summary>Refuses an order listing more authorizations than names were ordered, before any is fetched.</summary>
    public void CheckAuthorizationCount(AcmeOrder order)
    {
        if (order.Authorizations.Count > names.Count)
            throw new AcmeException($"the order {order.Location} lists {order.Authorizations.Count} authorizations for {names.Count} ordered "
                + (names.Count == 1 ? "name" : "names") + " (at most one per name): nothing presented");
    }

    /// <summary>Refuses a pending authorization for a name this order did not ask for, before its challenge is presented.</summary>
    public void CheckAuthorization(AcmeAuthorization authorization, Uri url)
    {
        var name = authorization.OrderedName;
        if (!names.Any(ordered => SameName.Is(ordered, name)))
            throw new AcmeException($"the authorization {url} is for '{ServerText.Quote(name, ServerText.FieldLength)}', which this order did not ask for (ordered: {string.Join(", ", names)}): nothing presented");
    }
}
