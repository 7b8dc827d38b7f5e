using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>Payload of <c>newAccount</c>.</summary>
internal sealed class NewAccountPayload
{
    [JsonPropertyName("termsOfServiceAgreed")] public bool? TermsOfServiceAgreed { get; set; }
    [JsonPropertyName("contact")] public List<string>? Contact { get; set; }
    [JsonPropertyName("onlyReturnExisting")] public bool? OnlyReturnExisting { get; set; }
    [JsonPropertyName("externalAccountBinding")] public System.Text.Json.JsonElement? ExternalAccountBinding { get; set; }
}

/// <summary>Payload of <c>newOrder</c>.</summary>
internal sealed class NewOrderPayload
{
    [JsonPropertyName("identifiers")] public List<AcmeIdentifier> Identifiers { get; set; } = [];
    [JsonPropertyName("profile")] public string? Profile { get; set; }
    [JsonPropertyName("replaces")] public string? Replaces { get; set; }
}

/// <summary>Payload of <c>finalize</c>.</summary>
internal sealed class FinalizePayload
{
    [JsonPropertyName("csr")] public string Csr { get; set; } = "";
}

/// <summary>Payload of <c>revokeCert</c>.</summary>
internal sealed class RevokePayload
{
    [JsonPropertyName("certificate")] public string Certificate { get; set; } = "";
    [JsonPropertyName("reason")] public int? Reason { get; set; }
}
