using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>An RFC 7807 problem document as ACME uses it (RFC 8555 §6.7), with subproblems.</summary>
public sealed class AcmeProblem
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("detail")] public string? Detail { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("identifier")] public AcmeIdentifier? Identifier { get; set; }
    [JsonPropertyName("subproblems")] public List<AcmeProblem>? Subproblems { get; set; }
}
