using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>A challenge (RFC 8555 §7.1.5, §8).</summary>
public sealed class AcmeChallenge
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("url")] public Uri? Url { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("validated")] public DateTimeOffset? Validated { get; set; }
    [JsonPropertyName("error")] public AcmeProblem? Error { get; set; }
}
