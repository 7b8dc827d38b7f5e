namespace ConfigLang.Acme.Model;

/// <summary>
/// The renewal window a CA suggested through ACME Renewal Information (RFC 9773 §4.2):
/// renew at some time between <see cref="Start"/> and <see cref="End"/>.
/// </summary>
public sealed record SuggestedRenewalWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>True once the window has opened.</summary>
    public bool HasStarted(DateTimeOffset now) => now >= Start;
}
