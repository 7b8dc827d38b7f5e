using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>An authorization (RFC 8555 §7.1.4) with its challenges.</summary>
public sealed class AcmeAuthorization
{
    [JsonIgnore] public Uri? Location { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("identifier")] public AcmeIdentifier Identifier { get; set; } = new("dns", "");
    [JsonPropertyName("wildcard")] public bool Wildcard { get; set; }
    [JsonPropertyName("challenges")] public List<AcmeChallenge> Challenges { get; set; } = [];

    /// <summary>The name as ordered: wildcard authorizations carry the base name, so put <c>*.</c> back.</summary>
    [JsonIgnore] public string OrderedName => Wildcard ? "*." + Identifier.Value : Identifier.Value;
}
