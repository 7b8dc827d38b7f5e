using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>An order (RFC 8555 §7.1.3); <see cref="Location"/> is filled from the response header.</summary>
public sealed class AcmeOrder
{
    [JsonIgnore] public Uri? Location { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("expires")] public DateTimeOffset? Expires { get; set; }
    [JsonPropertyName("identifiers")] public List<AcmeIdentifier> Identifiers { get; set; } = [];
    [JsonPropertyName("authorizations")] public List<Uri> Authorizations { get; set; } = [];
    [JsonPropertyName("finalize")] public Uri? Finalize { get; set; }
    [JsonPropertyName("certificate")] public Uri? Certificate { get; set; }
    [JsonPropertyName("profile")] public string? Profile { get; set; }
    [JsonPropertyName("error")] public AcmeProblem? Error { get; set; }
}
