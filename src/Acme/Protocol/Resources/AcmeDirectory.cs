using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>The ACME directory (RFC 8555 §7.1.1), with the optional ARI and profile extensions.</summary>
public sealed class AcmeDirectory
{
    [JsonPropertyName("newNonce")] public Uri? NewNonce { get; set; }
    [JsonPropertyName("newAccount")] public Uri? NewAccount { get; set; }
    [JsonPropertyName("newOrder")] public Uri? NewOrder { get; set; }
    [JsonPropertyName("revokeCert")] public Uri? RevokeCert { get; set; }
    [JsonPropertyName("keyChange")] public Uri? KeyChange { get; set; }
    /// <summary>RFC 9773 (ACME Renewal Information) base URL, when offered.</summary>
    [JsonPropertyName("renewalInfo")] public Uri? RenewalInfo { get; set; }
    [JsonPropertyName("meta")] public AcmeDirectoryMeta? Meta { get; set; }
}

/// <summary>The directory's <c>meta</c> object.</summary>
public sealed class AcmeDirectoryMeta
{
    [JsonPropertyName("termsOfService")] public string? TermsOfService { get; set; }
    [JsonPropertyName("website")] public string? Website { get; set; }
    [JsonPropertyName("caaIdentities")] public List<string>? CaaIdentities { get; set; }
    [JsonPropertyName("externalAccountRequired")] public bool ExternalAccountRequired { get; set; }
    /// <summary>Certificate profiles offered (name -> description), when the server supports them.</summary>
    [JsonPropertyName("profiles")] public Dictionary<string, string>? Profiles { get; set; }
}
