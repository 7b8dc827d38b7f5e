using System.Net;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Client;

/// <summary>
/// Whether a name the server gave (an authorization's identifier, a certificate's SAN) is an
/// ordered name: one rule for the order's checks and the certificate's. Addresses are compared as
/// parsed (<c>::1</c> is <c>0:0:0:0:0:0:0:1</c>); DNS names in the form the CA compares them in
/// (case, trailing dot and IDNA folded, <see cref="Identifier.TryCanonical"/>).
/// </summary>
internal static class SameName
{
    public static bool Is(string ordered, string name) =>
        IPAddress.TryParse(ordered, out var address)
            ? IPAddress.TryParse(name, out var other) && address.Equals(other)
            : Identifier.TryCanonical(ordered) is { } canonical && canonical == Identifier.TryCanonical(name);

    public static bool IsAddress(string ordered, IPAddress address) =>
        IPAddress.TryParse(ordered, out var parsed) && parsed.Equals(address);
}
