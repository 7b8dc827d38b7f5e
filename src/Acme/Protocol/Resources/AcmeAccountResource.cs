using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>An account object as the server returns it.</summary>
public sealed class AcmeAccountResource
{
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("contact")] public List<string>? Contact { get; set; }
    [JsonPropertyName("orders")] public Uri? Orders { get; set; }
}
