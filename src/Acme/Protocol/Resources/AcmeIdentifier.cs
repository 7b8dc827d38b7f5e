using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>An ACME identifier: <c>dns</c> (a name, possibly <c>*.</c>-prefixed) or <c>ip</c> (RFC 8738).</summary>
public sealed record AcmeIdentifier([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("value")] string Value)
{
    public static AcmeIdentifier Dns(string name) => new("dns", name);

    /// <summary>An <c>ip</c> identifier for a literal address, otherwise a <c>dns</c> one.</summary>
    public static AcmeIdentifier For(string name) =>
        System.Net.IPAddress.TryParse(name, out _) ? new("ip", name) : Dns(name);

    public override string ToString() => Value;
}
