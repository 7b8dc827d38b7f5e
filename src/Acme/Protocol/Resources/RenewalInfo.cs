using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Protocol.Resources;

/// <summary>RFC 9773 renewal information: the window in which the CA suggests renewing.</summary>
public sealed class RenewalInfo
{
    [JsonPropertyName("suggestedWindow")] public RenewalWindow SuggestedWindow { get; set; } = new();
    [JsonPropertyName("explanationURL")] public Uri? ExplanationUrl { get; set; }
    /// <summary>From the response's Retry-After: when to ask again.</summary>
    [JsonIgnore] public TimeSpan? RetryAfter { get; set; }
}

/// <summary>The <c>suggestedWindow</c> of <see cref="RenewalInfo"/>.</summary>
public sealed class RenewalWindow
{
    [JsonPropertyName("start")] public DateTimeOffset Start { get; set; }
    [JsonPropertyName("end")] public DateTimeOffset End { get; set; }
}
