using System.Text.Json.Serialization;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Cluster;

/// <summary>The <c>metadata.json</c> beside a stored certificate: what the planner compares with the configuration.</summary>
internal sealed record StoredCertificateMetadata(
    [property: JsonPropertyName("names")] IReadOnlyList<string> Names,
    [property: JsonPropertyName("keyType")] KeyType KeyType,
    [property: JsonPropertyName("notAfter")] DateTimeOffset NotAfter,
    [property: JsonPropertyName("storedBy")] string StoredBy);

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredCertificateMetadata))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
